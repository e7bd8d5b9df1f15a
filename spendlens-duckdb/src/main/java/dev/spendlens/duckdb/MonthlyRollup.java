package dev.spendlens.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The {@code cost_monthly} table: {@code cost_daily} summed per month, ten times fewer rows on a
 * year of data, so that whole-month questions (a year by team, the top principals of a quarter)
 * read it instead of every day; and {@code cost_monthly_owners}, the same summed per month and
 * allocation key only, for questions about owners alone (team, principal, person, tags). It is rebuilt whenever the stored deliveries change, and a query
 * uses it only while it matches them ({@link #isFresh}), so it can never give other numbers.
 */
public final class MonthlyRollup {
    static final String FINGERPRINT_KEY = "monthly_rollup_fingerprint";
    // Which delivery of which period is stored: any ingest that changes a period changes this. The
    // leading version changes when the rollup's tables do, so that older rollups are rebuilt.
    private static final String DELIVERIES = """
            SELECT 'rollup-2|' || coalesce(string_agg(payer_account_id || ':' || billing_period || ':' || ingestion_id, ',' ORDER BY payer_account_id, billing_period), '')
            FROM billing_periods""";

    private MonthlyRollup() {}

    /** Rebuilds the rollup when the stored deliveries changed since it was built. Runs inside the caller's transaction. */
    public static void synchronize(Connection connection) {
        try {
            String deliveries = deliveries(connection);
            if (stored(connection).filter(deliveries::equals).isPresent()) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM cost_monthly");
                statement.execute("""
                        INSERT INTO cost_monthly
                        SELECT billing_period, CAST(date_trunc('month', usage_date) AS DATE), usage_account_id, resource_id, charge_type_id, allocation_id,
                               sum(unblended_cost), sum(net_unblended_cost), sum(usage_amount), sum(tokens), sum(line_items)
                        FROM cost_daily
                        GROUP BY ALL""");
                statement.execute("DELETE FROM cost_monthly_owners");
                statement.execute("""
                        INSERT INTO cost_monthly_owners
                        SELECT billing_period, usage_date, allocation_id, sum(unblended_cost), sum(net_unblended_cost), sum(usage_amount), sum(tokens), sum(line_items)
                        FROM cost_monthly
                        GROUP BY ALL""");
            }
            DuckDbStore.putMeta(connection, FINGERPRINT_KEY, deliveries);
        } catch (SQLException e) {
            throw SqlFailures.internal("rolling up months", e);
        }
    }

    /** True when the rollup matches the stored deliveries, so that it sums to exactly what cost_daily does. */
    public static boolean isFresh(Connection connection) throws SQLException {
        return stored(connection).filter(deliveries(connection)::equals).isPresent();
    }

    private static String deliveries(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(DELIVERIES)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Optional<String> stored(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT meta_value FROM store_meta WHERE meta_key = ?")) {
            statement.setString(1, FINGERPRINT_KEY);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
