package dev.spendlens.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.duckdb.job.JobRunLog;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunnerTest {
    private static final Instant NOON = Instant.parse("2026-09-14T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void runsOneJobAtATimeAndRefusesTheOtherWithConflict() throws Exception {
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(folder.resolve("store.duckdb")))) {
            JobRunner runner = new JobRunner(new JobRunLog(store), new SettableClock(NOON));
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread ingest = new Thread(() -> runner.run(Job.INGEST, Trigger.SCHEDULE, () -> {
                started.countDown();
                await(release);
                return "done";
            }, JobRunner.Done::of));
            ingest.start();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(runner.state(Job.INGEST).runningSince()).contains(NOON);
            assertThatThrownBy(() -> runner.run(Job.ANOMALY_DETECTION, Trigger.API, () -> "never", JobRunner.Done::of))
                    .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessageContaining("anomaly-detection cannot start while job ingest (started 2026-09-14T12:00:00Z by schedule) is running");
            assertThat(runner.tryRun(Job.DAILY_DIGEST, Trigger.SCHEDULE, () -> "never", JobRunner.Done::of)).isEmpty();
            assertThatThrownBy(() -> runner.run(Job.BUDGET_CHECK, Trigger.API, () -> runner.run(Job.INGEST, Trigger.API, () -> "nested", JobRunner.Done::of),
                    JobRunner.Done::of)).as("refused, whoever asks").hasMessageContaining("cannot start");

            release.countDown();
            ingest.join(Duration.ofSeconds(5).toMillis());
            assertThat(runner.run(Job.ANOMALY_DETECTION, Trigger.API, () -> "now", JobRunner.Done::of)).isEqualTo("now");
            assertThat(runner.state(Job.INGEST).runningSince()).isEmpty();
            assertThat(runner.state(Job.INGEST).lastRun().orElseThrow().message()).isEqualTo("done");
        }
    }

    @Test
    void keepsEachRunWithItsErrorCodeAcrossARestart() {
        Path file = folder.resolve("store.duckdb");
        SettableClock clock = new SettableClock(NOON);
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(file))) {
            JobRunner runner = new JobRunner(new JobRunLog(store), clock);
            runner.run(Job.INGEST, Trigger.CLI, () -> "ok", result -> new JobRunner.Done("3 files", Optional.of("f1"), Optional.of(1L)));
            clock.advance(Duration.ofHours(1));
            assertThatThrownBy(() -> runner.run(Job.INGEST, Trigger.SCHEDULE, () -> {
                throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "S3 is down");
            }, JobRunner.Done::of)).hasMessage("S3 is down");

            JobState state = runner.state(Job.INGEST);
            assertThat(new long[] {state.consecutiveFailures(), state.runs(), state.failures()}).containsExactly(1, 2, 1);
        }
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(file))) {
            JobState state = new JobRunner(new JobRunLog(store), clock).state(Job.INGEST);

            assertThat(state.lastRun().orElseThrow().errorCode()).contains("EXTERNAL_FAILURE");
            assertThat(state.lastRun().orElseThrow().message()).isEqualTo("S3 is down");
            assertThat(state.lastSuccess()).contains(NOON);
            assertThat(new JobRunLog(store).lastSucceeded("ingest").orElseThrow().sourcesFingerprint()).contains("f1");
        }
    }

    @Test
    void aStoppedRunnerRefusesWork() {
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(folder.resolve("store.duckdb")))) {
            JobRunner runner = new JobRunner(new JobRunLog(store), new SettableClock(NOON));
            runner.stop();

            assertThatThrownBy(() -> runner.run(Job.INGEST, Trigger.API, () -> "never", JobRunner.Done::of))
                    .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
