package dev.spendlens.duckdb;

import dev.spendlens.allocation.AllocatedValue;
import dev.spendlens.allocation.Allocation;
import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.AllocationSubject;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.allocation.CallerLabels;
import dev.spendlens.allocation.AllocationSource;
import dev.spendlens.principal.Principal;
import dev.spendlens.principal.PrincipalParser;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The {@code allocations} table: for every allocation key, the caller labels and the value and
 * source of every allocation dimension. Its dimension columns follow the configured policy; it is
 * rebuilt from {@code allocation_keys} and {@code tag_sets} whenever the policy's fingerprint
 * changes, so reports always reflect the current rules.
 */
public final class AllocationTable {
    static final String FINGERPRINT_KEY = "allocation_policy_fingerprint";

    private AllocationTable() {}

    /** The column holding a dimension's value: {@code dim_cost_center} for {@code cost-center}. */
    public static String valueColumn(String dimension) {
        return "dim_" + dimension.replace('-', '_');
    }

    /** The column holding why a dimension has its value. */
    public static String sourceColumn(String dimension) {
        return "src_" + dimension.replace('-', '_');
    }

    /**
     * Brings the allocations up to date with the policy: rebuilt when the policy changed, completed
     * for keys added since. Runs inside the caller's transaction.
     */
    public static void synchronize(Connection connection, Allocator allocator) {
        try {
            String fingerprint = allocator.fingerprint();
            Optional<String> stored = storedFingerprint(connection);
            boolean rebuild = stored.isEmpty() || !stored.get().equals(fingerprint) || !exists(connection);
            if (rebuild) {
                create(connection, allocator);
                DuckDbStore.putMeta(connection, FINGERPRINT_KEY, fingerprint);
            }
            addMissing(connection, allocator);
            // The label rollups follow the allocations: rebuilt here when the rules changed (if the facts' rollups are fresh).
            OwnerLabels.synchronize(connection);
        } catch (SQLException e) {
            throw SqlFailures.internal("updating allocations", e);
        }
    }

    private static Optional<String> storedFingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT meta_value FROM store_meta WHERE meta_key = '" + FINGERPRINT_KEY + "'")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'allocations' AND NOT temporary")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    private static void create(Connection connection, Allocator allocator) throws SQLException {
        List<String> columns = new ArrayList<>(List.of(
                "allocation_id BIGINT NOT NULL", "tag_set_id VARCHAR NOT NULL", "principal VARCHAR NOT NULL", "principal_type VARCHAR NOT NULL", "role VARCHAR NOT NULL",
                "person VARCHAR NOT NULL", "principal_account VARCHAR NOT NULL", "session_name VARCHAR NOT NULL", "call_charge BOOLEAN NOT NULL"));
        for (AllocationDimension dimension : allocator.policy().dimensions()) {
            columns.add(valueColumn(dimension.name()) + " VARCHAR NOT NULL");
            columns.add(sourceColumn(dimension.name()) + " VARCHAR NOT NULL");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE allocations (" + String.join(", ", columns) + ")");
        }
    }

    // A value from the people file names its person: pseudonymised like the person label.
    private static String describe(AllocationSource source, Allocator allocator) {
        if (source.kind() == AllocationSource.Kind.PEOPLE_DIRECTORY && allocator.pseudonymizer().enabled()) {
            return new AllocationSource(source.kind(), allocator.pseudonymizer().person(source.detail())).describe();
        }
        return source.describe();
    }

    private static void addMissing(Connection connection, Allocator allocator) throws SQLException {
        String sql = """
                WITH maps AS (
                    SELECT tag_set_id, map_from_entries(list({'key': tag_key, 'value': tag_value})) AS tags FROM tag_sets GROUP BY tag_set_id)
                SELECT k.allocation_id, k.principal, k.call_charge, m.tags, k.tag_set_id
                FROM allocation_keys k LEFT JOIN maps m USING (tag_set_id)
                WHERE k.allocation_id NOT IN (SELECT allocation_id FROM allocations)""";
        record Pending(long id, String tagSetId, Optional<Principal> principal, boolean callCharge, Map<String, String> tags) {}
        // Read everything first: appending while a result over the same table is open is not safe.
        List<Pending> pending = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String arn = rows.getString(2);
                @SuppressWarnings("unchecked")
                Map<String, String> tags = (Map<String, String>) rows.getObject(4);
                pending.add(new Pending(rows.getLong(1), rows.getString(5), arn.isEmpty() ? Optional.empty() : Optional.of(PrincipalParser.parse(arn)),
                        rows.getBoolean(3), tags == null ? Map.of() : tags));
            }
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "allocations")) {
            for (Pending key : pending) {
                Allocation allocation = allocator.allocate(new AllocationSubject(key.principal(), key.tags(), key.callCharge()));
                // People are pseudonymised here, where labels are stored, so that every query path shows pseudonyms.
                CallerLabels labels = allocator.pseudonymizer().labels(key.principal(), key.callCharge());
                appender.beginRow();
                appender.append(key.id());
                appender.append(key.tagSetId());
                appender.append(labels.principal());
                appender.append(labels.principalType());
                appender.append(labels.role());
                appender.append(labels.person());
                appender.append(key.principal().map(Principal::accountId).orElse(""));
                appender.append(key.principal().map(principal -> allocator.pseudonymizer().sessionName(principal)).orElse(""));
                appender.append(key.callCharge());
                for (AllocationDimension dimension : allocator.policy().dimensions()) {
                    AllocatedValue value = allocation.value(dimension.name());
                    appender.append(value.value());
                    appender.append(describe(value.source(), allocator));
                }
                appender.endRow();
            }
        }
    }
}
