package dev.spendlens.duckdb.query;

import dev.spendlens.costquery.TimePeriod;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Every principal over whole months, biggest spender first, from {@code principal_months}, without
 * summing every principal. A year of a busy organisation holds 100,000 principals or more, nearly
 * all agent sessions of a few dollars, and a page of the ranking needs only the few that can reach it.
 *
 * <p>The page ends at rank {@code K = offset + size}. The principals holding the biggest
 * {@code K × M} months of the period ({@code M} months at most per principal) are at least K
 * principals; their exact totals give a lower bound {@code L} of the K-th biggest total. A
 * principal that can be on the page spends at least {@code L}, so the sum of its positive months,
 * {@code spend_bound}, is at least {@code L}: only those principals are summed, exactly, and ranked
 * as the general query ranks (spend, then name). The table is stored by {@code spend_bound}, biggest
 * first, so those principals are its first row groups. The doubles ({@code rank_cost},
 * {@code spend_bound}) only choose whom to sum, with a margin far above their rounding; every amount
 * returned is the exact DECIMAL sum. When no positive bound exists (a deep page, a period of
 * refunds) the bound is minus infinity and every principal of the period is summed.
 */
final class PrincipalRanking {
    // Far above the relative rounding of a DECIMAL cast to DOUBLE (1.1e-16), far below any spend gap that matters.
    private static final double MARGIN = 1e-9;

    private PrincipalRanking() {}

    static Page<ValueSpend> page(Connection connection, TimePeriod period, PageRequest page) throws SQLException {
        long rank = (long) page.offset() + page.size();
        long topMonths = Math.multiplyExact(rank, Math.max(1, monthsPerPrincipal(connection, period)));
        String totals = """
                WITH p AS (
                    SELECT principal, unblended_cost, rank_cost, spend_bound, previous_usage_date
                    FROM principal_months
                    WHERE usage_date >= ? AND usage_date < ?),
                top_months AS (SELECT min(rank_cost) AS cost FROM (SELECT rank_cost FROM p ORDER BY rank_cost DESC LIMIT ?)),
                seeds AS (SELECT principal, sum(unblended_cost) AS cost FROM p WHERE spend_bound >= (SELECT cost FROM top_months) GROUP BY 1),
                bound AS (
                    SELECT CASE WHEN count(*) >= ? AND min(cost) > 0 THEN CAST(min(cost) AS DOUBLE) * (1 - ?) ELSE '-infinity'::DOUBLE END AS cost
                    FROM (SELECT cost FROM seeds ORDER BY cost DESC LIMIT ?)),
                totals AS (SELECT principal, sum(unblended_cost) AS cost FROM p WHERE spend_bound >= (SELECT cost FROM bound) GROUP BY 1)
                """;
        // Each principal counted once, at its first month of the period.
        String principals = "(SELECT count(*) FROM p WHERE coalesce(previous_usage_date, DATE '0001-01-01') < ?)";
        String ranked = totals + """
                SELECT principal, cost, %s
                FROM totals
                ORDER BY cost DESC, principal
                LIMIT ? OFFSET ?""".formatted(principals);
        String count = totals + "SELECT " + principals;
        Parameters parameters = new Parameters().add(period.start()).add(period.end()).add(topMonths).add(rank).add(MARGIN).add(rank).add(period.start());
        return Page.read(connection, ranked, count, parameters, page, row -> new ValueSpend(row.getString(1), row.getBigDecimal(2)));
    }

    // The most months one principal can hold in the period: its rows are one per billing period and
    // month of usage. The label rollup has the same (billing period, month) pairs and a thousandth of the rows.
    private static long monthsPerPrincipal(Connection connection, TimePeriod period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM (SELECT DISTINCT billing_period, usage_date FROM cost_monthly_labels WHERE usage_date >= ? AND usage_date < ?)""")) {
            new Parameters().add(period.start()).add(period.end()).bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
