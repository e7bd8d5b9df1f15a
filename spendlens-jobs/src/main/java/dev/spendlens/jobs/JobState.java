package dev.spendlens.jobs;

import static java.util.Objects.requireNonNull;

import dev.spendlens.duckdb.job.JobRunLog;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one job stands, for {@code /healthz} and {@code /metrics}.
 *
 * @param job the job
 * @param runningSince when its current run started, if it is running
 * @param lastRun its latest run (kept in the store, so known after a restart)
 * @param lastSuccess when its latest successful run started
 * @param nextRun when the scheduler runs it next; empty for jobs that run only on request
 * @param consecutiveFailures failed runs since the last success, in this process
 * @param runs runs in this process
 * @param failures failed runs in this process
 */
public record JobState(Job job, Optional<Instant> runningSince, Optional<JobRunLog.JobRun> lastRun, Optional<Instant> lastSuccess, Optional<Instant> nextRun,
        int consecutiveFailures, long runs, long failures) {
    public JobState {
        requireNonNull(job, "job is null");
        requireNonNull(runningSince, "runningSince is null");
        requireNonNull(lastRun, "lastRun is null");
        requireNonNull(lastSuccess, "lastSuccess is null");
        requireNonNull(nextRun, "nextRun is null");
    }

    JobState withNextRun(Optional<Instant> next) {
        return new JobState(job, runningSince, lastRun, lastSuccess, next, consecutiveFailures, runs, failures);
    }
}
