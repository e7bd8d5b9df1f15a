package dev.spendlens.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rollups that follow the allocation rules as well as the facts. Agent sessions make an
 * allocation key, and a principal, of nearly every charge of a busy organisation (135,000 on a year),
 * yet they share a few hundred label sets: team, role, person, tags... everything an allocation
 * holds but the principal and its session. So the owner rollups are summed again per label set
 * ({@code cost_monthly_labels}, {@code cost_daily_labels}, with the label sets in {@code owner_labels}),
 * and, for ranking principals, per principal ({@code principal_months}). A year by team then
 * reads a thousand rows instead of 125,000 and joins no allocation key.
 *
 * <p>They are rebuilt whenever the owner rollups are ({@link Rollups#synchronize}) and whenever the
 * allocations change ({@link AllocationTable#synchronize}), inside the caller's transaction; their
 * fingerprint is the stored deliveries' and the allocation rules', and a query reads them only while
 * it matches ({@link StoreState#labelsFresh()}).
 */
public final class OwnerLabels {
    static final String FINGERPRINT_KEY = "owner_labels_fingerprint";
    // The allocation columns that tell owners apart but are not labels shared by many keys.
    private static final Set<String> NOT_LABELS = Set.of("allocation_id", "principal", "session_name");
    // The leading version changes when the label rollups' tables do, so that older ones are rebuilt.
    static final String CURRENT = """
            SELECT 'labels-2|' || (%s) || '|' || coalesce((SELECT meta_value FROM store_meta WHERE meta_key = '%s'), '')""".formatted(Rollups.DELIVERIES, AllocationTable.FINGERPRINT_KEY);

    private OwnerLabels() {}

    /** Rebuilds the label sets and their rollups from the allocations and the owner rollups, which must be fresh. */
    static void rebuild(Connection connection) throws SQLException {
        List<String> labels = labelColumns(connection);
        if (labels.isEmpty()) {
            return;
        }
        String columns = qualified("", labels);
        try (Statement statement = connection.createStatement()) {
            // One number per distinct label set; a principal is known by its smallest allocation key.
            statement.execute("DELETE FROM owner_keys");
            statement.execute("""
                    INSERT INTO owner_keys
                    SELECT allocation_id, dense_rank() OVER (ORDER BY %s), min(allocation_id) OVER (PARTITION BY principal)
                    FROM allocations""".formatted(columns));
            statement.execute("""
                    CREATE OR REPLACE TABLE owner_labels AS
                    SELECT DISTINCT k.label_id, %s
                    FROM allocations a JOIN owner_keys k USING (allocation_id)""".formatted(qualified("a.", labels)));
            for (String grain : List.of("monthly", "daily")) {
                statement.execute("DELETE FROM cost_%s_labels".formatted(grain));
                statement.execute("""
                        INSERT INTO cost_%s_labels
                        SELECT f.billing_period, f.usage_date, k.label_id, sum(f.unblended_cost), sum(f.net_unblended_cost), sum(f.usage_amount), sum(f.tokens), sum(f.line_items)
                        FROM cost_%s_owners f JOIN owner_keys k USING (allocation_id)
                        GROUP BY ALL
                        ORDER BY f.usage_date, k.label_id""".formatted(grain, grain));
            }
            statement.execute("DELETE FROM principal_months");
            // Sorted by spend_bound, biggest first, so that the principals able to reach a page of the
            // ranking are the table's first row groups (PrincipalRanking reads them through zone maps).
            statement.execute("""
                    INSERT INTO principal_months
                    SELECT billing_period, usage_date, principal_key, principal, cost, CAST(cost AS DOUBLE),
                           CAST(sum(greatest(cost, 0)) OVER (PARTITION BY principal_key) AS DOUBLE),
                           lag(usage_date) OVER (PARTITION BY principal_key ORDER BY usage_date, billing_period)
                    FROM (SELECT f.billing_period, f.usage_date, k.principal_key, a.principal, sum(f.unblended_cost) AS cost
                          FROM cost_monthly_owners f JOIN owner_keys k USING (allocation_id) JOIN allocations a USING (allocation_id)
                          GROUP BY ALL)
                    ORDER BY 7 DESC, principal_key, usage_date, billing_period""");
        }
        DuckDbStore.putMeta(connection, FINGERPRINT_KEY, current(connection));
    }

    /** Rebuilds them when the owner rollups are fresh but they are not, e.g. after the allocation rules changed. */
    static void synchronize(Connection connection) throws SQLException {
        if (Rollups.isFresh(connection) && !isFresh(connection)) {
            rebuild(connection);
        }
    }

    static boolean isFresh(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT (%s) = (SELECT meta_value FROM store_meta WHERE meta_key = ?)".formatted(CURRENT))) {
            statement.setString(1, FINGERPRINT_KEY);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static String current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(CURRENT)) {
            rows.next();
            return rows.getString(1);
        }
    }

    // The allocations table's columns follow the configured dimensions: read them from the table itself (none when it is missing).
    private static List<String> labelColumns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT column_name FROM duckdb_columns()
                        WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'allocations' ORDER BY column_index""")) {
            while (rows.next()) {
                if (!NOT_LABELS.contains(rows.getString(1))) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static String qualified(String prefix, List<String> columns) {
        return String.join(", ", columns.stream().map(column -> prefix + "\"" + column.replace("\"", "\"\"") + "\"").toList());
    }
}
