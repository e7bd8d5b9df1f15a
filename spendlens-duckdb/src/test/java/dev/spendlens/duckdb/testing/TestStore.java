package dev.spendlens.duckdb.testing;

import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.duckdb.ingest.CurIngestor;
import dev.spendlens.duckdb.ingest.IngestProgress;
import dev.spendlens.duckdb.ingest.IngestSummary;
import dev.spendlens.export.ExportFile;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real store in a temporary folder, with shortcuts for ingesting and reading sums. */
public final class TestStore implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final DuckDbStore store;
    private Allocator allocator;

    public TestStore(Path folder) {
        this(folder, AllocationPolicy.defaults());
    }

    public TestStore(Path folder, AllocationPolicy policy) {
        this.store = DuckDbStore.open(new StoreSettings(folder.resolve("spendlens.duckdb"), "1GB", 2));
        this.allocator = new Allocator(policy);
    }

    public DuckDbStore store() {
        return store;
    }

    public Allocator allocator() {
        return allocator;
    }

    public void policy(AllocationPolicy policy) {
        this.allocator = new Allocator(policy);
    }

    public IngestSummary ingest(ExportFile... files) {
        return new CurIngestor(store, allocator, CLOCK).ingest(List.of(List.of(files)), "test", IngestProgress.silent());
    }

    public IngestSummary ingestBatches(List<List<ExportFile>> batches) {
        return new CurIngestor(store, allocator, CLOCK).ingest(batches, "test", IngestProgress.silent());
    }

    public BigDecimal scalar(String sql, Object... parameters) {
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                BigDecimal value = rows.getBigDecimal(1);
                return value == null ? BigDecimal.ZERO : value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Two-column query as key -> value, in result order. */
    public Map<String, String> pairs(String sql, Object... parameters) {
        Map<String, String> result = new LinkedHashMap<>();
        for (List<String> row : rows(sql, parameters)) {
            result.put(row.get(0), row.get(1));
        }
        return result;
    }

    public List<List<String>> rows(String sql, Object... parameters) {
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rows.getObject(i);
                        row.add(value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : String.valueOf(value));
                    }
                    result.add(row);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Total Bedrock cost stored in the daily facts. */
    public BigDecimal dailyTotal() {
        return scalar("SELECT sum(unblended_cost) FROM cost_daily");
    }

    @Override
    public void close() {
        store.close();
    }
}
