package dev.spendlens.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The rollups of {@code cost_daily} that queries read instead of every charge: {@code cost_monthly}
 * (the same charges summed per month, for whole-month questions), {@code cost_monthly_owners} and
 * {@code cost_daily_owners} (summed per month, or day, and allocation key only, for questions about
 * owners alone: team, principal, person, tags). They are rebuilt whenever the stored deliveries
 * change, and a query reads them only while they match those deliveries ({@link StoreState#rollupsFresh()}),
 * so they can never give other numbers than the days.
 */
public final class Rollups {
    static final String FINGERPRINT_KEY = "rollup_fingerprint";
    // Which delivery of which period is stored: any ingest that changes a period changes this. The
    // leading version changes when the rollups' tables do, so that older rollups are rebuilt.
    static final String DELIVERIES = """
            SELECT 'rollup-3|' || coalesce(string_agg(payer_account_id || ':' || billing_period || ':' || ingestion_id, ',' ORDER BY payer_account_id, billing_period), '')
            FROM billing_periods""";

    private Rollups() {}

    /**
     * Rebuilds the rollups when the stored deliveries changed since they were built, and the label
     * rollups ({@link OwnerLabels}) with them or when the allocations changed. Runs inside the caller's transaction.
     */
    public static void synchronize(Connection connection) {
        try {
            String deliveries = deliveries(connection);
            if (stored(connection).filter(deliveries::equals).isEmpty()) {
                rebuild(connection, deliveries);
                OwnerLabels.rebuild(connection);
            } else {
                OwnerLabels.synchronize(connection);
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("rolling up the facts", e);
        }
    }

    private static void rebuild(Connection connection, String deliveries) throws SQLException {
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
            // Sorted by day so that a question about one month reads that month's row groups only.
            statement.execute("DELETE FROM cost_daily_owners");
            statement.execute("""
                    INSERT INTO cost_daily_owners
                    SELECT billing_period, usage_date, allocation_id, sum(unblended_cost), sum(net_unblended_cost), sum(usage_amount), sum(tokens), sum(line_items)
                    FROM cost_daily
                    GROUP BY ALL
                    ORDER BY usage_date, allocation_id""");
            // The key of the rollup of earlier versions, which held cost_monthly alone.
            statement.execute("DELETE FROM store_meta WHERE meta_key = 'monthly_rollup_fingerprint'");
        }
        DuckDbStore.putMeta(connection, FINGERPRINT_KEY, deliveries);
    }

    /** True when the rollups match the stored deliveries, so that they sum to exactly what cost_daily does. */
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
