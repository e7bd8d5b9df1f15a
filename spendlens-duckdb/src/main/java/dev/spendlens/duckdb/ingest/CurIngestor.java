package dev.spendlens.duckdb.ingest;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.Allocator;
import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.Rollups;
import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.export.ExportFile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads CUR exports into the store: the whole ingest is one transaction, so a failure or a crash
 * at any point leaves the store exactly as it was.
 *
 * <p>Each batch (normally one delivery of one billing period) is read in two SQL passes: the first
 * keeps each distinct key of the lines (charge, caller, tags), which the domain rules then decode;
 * the second streams the lines into the facts of the billing periods the batch contains. A period
 * delivered again replaces the earlier delivery, never adds to it.
 */
public final class CurIngestor {
    private final DuckDbStore store;
    private final Allocator allocator;
    private final Clock clock;

    public CurIngestor(DuckDbStore store, Allocator allocator, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Ingests the batches in order; a later batch holding a period replaces an earlier one's.
     *
     * @param batches groups of files delivered together, oldest delivery first
     * @param sources what the user asked for, recorded with the ingestion
     */
    public IngestSummary ingest(List<List<ExportFile>> batches, String sources, IngestProgress progress) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int fileCount = batches.stream().mapToInt(List::size).sum();
        if (fileCount == 0) {
            throw new SpendlensException(ErrorCode.SOURCE_NOT_FOUND, "no export files to ingest in " + sources);
        }
        try (Connection connection = store.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            connection.setAutoCommit(false);
            try {
                long ingestionId = nextIngestionId(connection);
                AllocationTable.synchronize(connection, allocator);
                long rowsRead = 0;
                long bedrockRows = 0;
                int fileNumber = 0;
                List<PeriodSummary> periods = new ArrayList<>();
                // Every file's columns are checked before anything is read, so a broken export fails fast.
                List<List<InspectedFile>> deliveries = new ArrayList<>();
                for (List<ExportFile> delivery : batches) {
                    List<InspectedFile> inspected = new ArrayList<>();
                    for (ExportFile file : delivery) {
                        inspected.add(CurFileInspector.inspect(connection, file));
                    }
                    deliveries.add(inspected);
                }
                for (List<InspectedFile> inspected : BatchPlan.batches(deliveries)) {
                    BatchStager.createTables(connection);
                    long read = System.nanoTime();
                    List<BatchStager.StagedFile> staged = BatchStager.scanKeys(connection, inspected);
                    long batchRows = staged.stream().mapToLong(BatchStager.StagedFile::rows).sum();
                    long batchBedrockRows = staged.stream().mapToLong(BatchStager.StagedFile::bedrockRows).sum();
                    rowsRead += batchRows;
                    bedrockRows += batchBedrockRows;
                    fileNumber += inspected.size();
                    progress.filesRead(fileNumber, fileCount, inspected.stream().map(InspectedFile::name).toList(), batchRows, batchBedrockRows,
                            Duration.ofNanos(System.nanoTime() - read));
                    long step = System.nanoTime();
                    BatchAttributor.attribute(connection, inspected);
                    progress.stepDone("decode principals, charge types and tags", Duration.ofNanos(System.nanoTime() - step));
                    step = System.nanoTime();
                    AllocationTable.synchronize(connection, allocator);
                    progress.stepDone("allocate new keys", Duration.ofNanos(System.nanoTime() - step));
                    step = System.nanoTime();
                    List<PeriodSummary> written = PeriodWriter.write(connection, inspected, ingestionId, now);
                    BatchStager.dropCsvTables(connection, inspected.size());
                    progress.stepDone("write facts (second pass over the files)", Duration.ofNanos(System.nanoTime() - step));
                    for (PeriodSummary period : written) {
                        periods.add(period);
                        progress.periodReplaced(period);
                    }
                }
                recordIngestion(connection, ingestionId, now, sources, fileCount, rowsRead, bedrockRows, periods);
                long rollup = System.nanoTime();
                Rollups.synchronize(connection);
                progress.stepDone("roll up months and owners", Duration.ofNanos(System.nanoTime() - rollup));
                dropBatchTables(connection);
                long commit = System.nanoTime();
                connection.commit();
                store.changed();
                progress.stepDone("commit", Duration.ofNanos(System.nanoTime() - commit));
                return new IngestSummary(ingestionId, fileCount, rowsRead, bedrockRows, periods, Duration.ofNanos(System.nanoTime() - started));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("ingesting " + sources, e);
        }
    }

    private static long nextIngestionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT coalesce(max(ingestion_id), 0) + 1 FROM ingestions")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void recordIngestion(Connection connection, long id, Instant started, String sources, int files, long rows, long bedrockRows,
            List<PeriodSummary> periods) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO ingestions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, id);
            statement.setTimestamp(2, Timestamp.from(started));
            statement.setTimestamp(3, Timestamp.from(Instant.now()));
            statement.setString(4, sources);
            statement.setInt(5, files);
            statement.setLong(6, rows);
            statement.setLong(7, bedrockRows);
            statement.setString(8, periods.stream().map(period -> period.payerAccountId() + ":" + period.billingPeriod()).collect(Collectors.joining(",")));
            statement.executeUpdate();
        }
    }

    private static void dropBatchTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("batch_keys", "batch_key_ids", "batch_typed_keys", "batch_charge_types", "batch_tag_sets", "batch_allocations", "batch_accounts")) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
