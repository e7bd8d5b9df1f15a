package dev.spendlens.duckdb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunLogTest {
    private static final Instant NINE = Instant.parse("2026-10-01T09:00:00Z");

    @TempDir
    Path folder;

    @Test
    void keepsEveryRunAcrossARestartAndTellsTheLastAndTheLastSuccess() {
        Path file = folder.resolve("store.duckdb");
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(file))) {
            JobRunLog log = new JobRunLog(store);
            log.record(new JobRunLog.JobRun("ingest", "schedule", NINE, NINE.plusSeconds(20), JobRunLog.Outcome.SUCCEEDED, Optional.empty(), "3 files",
                    Optional.of("abc"), Optional.of(7L)));
            log.record(new JobRunLog.JobRun("ingest", "schedule", NINE.plusSeconds(3600), NINE.plusSeconds(3601), JobRunLog.Outcome.FAILED,
                    Optional.of("SOURCE_NOT_FOUND"), "no export files", Optional.empty(), Optional.empty()));
            log.record(new JobRunLog.JobRun("daily-digest", "schedule", NINE.plusSeconds(60), NINE.plusSeconds(61), JobRunLog.Outcome.SUCCEEDED, Optional.empty(),
                    "2 delivered", Optional.empty(), Optional.empty()));
        }
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(file))) {
            JobRunLog log = new JobRunLog(store);

            assertThat(log.last("ingest").orElseThrow().errorCode()).contains("SOURCE_NOT_FOUND");
            JobRunLog.JobRun success = log.lastSucceeded("ingest").orElseThrow();
            assertThat(success.startedAt()).isEqualTo(NINE);
            assertThat(success.sourcesFingerprint()).contains("abc");
            assertThat(success.ingestionId()).contains(7L);
            assertThat(log.recent(10)).extracting(JobRunLog.JobRun::job).containsExactly("ingest", "daily-digest", "ingest");
            assertThat(log.last("weekly-digest")).isEmpty();
            assertThat(log.latestIngestionId()).isEmpty();
        }
    }
}
