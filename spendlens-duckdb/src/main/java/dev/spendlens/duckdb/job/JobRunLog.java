package dev.spendlens.duckdb.job;

import static java.util.Objects.requireNonNull;

import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runs of Spendlens's own jobs (scheduled ingests, digests ...), kept in table {@code job_runs} so that their state survives restarts. */
public final class JobRunLog {
    private static final String COLUMNS = "job, run_trigger, started_at, finished_at, outcome, error_code, message, sources_fingerprint, ingestion_id";

    private final DuckDbStore store;

    public JobRunLog(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** How a run ended. */
    public enum Outcome {
        SUCCEEDED,
        FAILED
    }

    /**
     * One run of a job.
     *
     * @param job the job's name ({@code ingest}, {@code daily-digest} ...)
     * @param trigger what started it: {@code schedule}, {@code api} or {@code cli}
     * @param message what it did, or the error's message
     * @param errorCode the error's code, when it failed
     * @param sourcesFingerprint for an ingest: a digest of the deliveries it read
     * @param ingestionId for an ingest that wrote: the store's ingestion id
     */
    public record JobRun(String job, String trigger, Instant startedAt, Instant finishedAt, Outcome outcome, Optional<String> errorCode, String message,
            Optional<String> sourcesFingerprint, Optional<Long> ingestionId) {
        public JobRun {
            requireNonNull(job, "job is null");
            requireNonNull(trigger, "trigger is null");
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(finishedAt, "finishedAt is null");
            requireNonNull(outcome, "outcome is null");
            requireNonNull(errorCode, "errorCode is null");
            requireNonNull(message, "message is null");
            requireNonNull(sourcesFingerprint, "sourcesFingerprint is null");
            requireNonNull(ingestionId, "ingestionId is null");
        }
    }

    public void record(JobRun run) {
        try (Connection connection = store.connect(); PreparedStatement insert = connection.prepareStatement("INSERT INTO job_runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, run.job());
            insert.setString(2, run.trigger());
            insert.setTimestamp(3, timestamp(run.startedAt()));
            insert.setTimestamp(4, timestamp(run.finishedAt()));
            insert.setString(5, run.outcome().name());
            insert.setString(6, run.errorCode().orElse(null));
            insert.setString(7, run.message());
            insert.setString(8, run.sourcesFingerprint().orElse(null));
            if (run.ingestionId().isPresent()) {
                insert.setLong(9, run.ingestionId().get());
            } else {
                insert.setNull(9, Types.BIGINT);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.internal("recording a run of job " + run.job(), e);
        }
    }

    /** The job's latest run. */
    public Optional<JobRun> last(String job) {
        return first("SELECT " + COLUMNS + " FROM job_runs WHERE job = ? ORDER BY started_at DESC, finished_at DESC LIMIT 1", job);
    }

    /** The job's latest run that succeeded. */
    public Optional<JobRun> lastSucceeded(String job) {
        return first("SELECT " + COLUMNS + " FROM job_runs WHERE job = ? AND outcome = 'SUCCEEDED' ORDER BY started_at DESC, finished_at DESC LIMIT 1", job);
    }

    /** The latest runs of every job, newest first. */
    public List<JobRun> recent(int limit) {
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM job_runs ORDER BY started_at DESC, finished_at DESC LIMIT ?")) {
            select.setInt(1, limit);
            return read(select);
        } catch (SQLException e) {
            throw SqlFailures.internal("reading job runs", e);
        }
    }

    /** The id of the store's latest ingestion, whoever ran it; empty for an empty store. */
    public Optional<Long> latestIngestionId() {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT max(ingestion_id) FROM ingestions")) {
            rows.next();
            long id = rows.getLong(1);
            return rows.wasNull() ? Optional.empty() : Optional.of(id);
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the latest ingestion", e);
        }
    }

    private Optional<JobRun> first(String sql, String job) {
        try (Connection connection = store.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, job);
            return read(select).stream().findFirst();
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the runs of job " + job, e);
        }
    }

    private static List<JobRun> read(PreparedStatement select) throws SQLException {
        List<JobRun> runs = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long ingestion = rows.getLong(9);
                Optional<Long> ingestionId = rows.wasNull() ? Optional.empty() : Optional.of(ingestion);
                runs.add(new JobRun(rows.getString(1), rows.getString(2), instant(rows.getTimestamp(3)), instant(rows.getTimestamp(4)),
                        Outcome.valueOf(rows.getString(5)), Optional.ofNullable(rows.getString(6)), rows.getString(7), Optional.ofNullable(rows.getString(8)),
                        ingestionId));
            }
        }
        return runs;
    }

    // TIMESTAMP columns hold UTC wall time, whatever the JVM's zone.
    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
