package dev.spendlens.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.alert.DeliveryOutcome;
import dev.spendlens.alerts.WebhookReceiver;
import dev.spendlens.anomalies.AnomalyService;
import dev.spendlens.config.ConfigLoader;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.duckdb.alert.DuckDbAlertLog;
import dev.spendlens.duckdb.query.StoreCoverage;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What follows an ingest, by reaction, on {@link SmallOrganisation}'s export; and an ingest cut short. */
class JobsTest {
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-09-14T06:00:00Z"));

    @TempDir
    Path folder;
    final WebhookReceiver hook = new WebhookReceiver();
    DuckDbStore store;
    Jobs jobs;
    SpendlensConfig config;

    @BeforeEach
    void open() {
        SmallOrganisation.writeSummer(folder.resolve("export"));
        config = ConfigLoader.load(Optional.of(SmallOrganisation.config(folder, "    - {name: all, channels: [hook], to-owner: false}\n", """
                ingest:
                  sources: [export]
                alerts:
                  channels:
                    - {name: hook, url: "%s"}
                """.formatted(hook.url()))), Map.of());
        store = DuckDbStore.open(StoreSettings.at(config.store().path()));
        jobs = new Jobs(store, config.allocator(), CLOCK, config);
    }

    @AfterEach
    void close() {
        store.close();
        hook.close();
    }

    @Test
    void withoutReactionTheIngestDetectsNothing() {
        IngestRun run = jobs.ingest(List.of(), Jobs.Reaction.NONE, false, JobProgress.silent());

        assertThat(run.sources()).containsExactly(folder.resolve("export").toString());
        assertThat(run.ingested().orElseThrow().periods()).hasSize(3);
        assertThat(run.afterIngest()).isEmpty();
        assertThat(anomalies().list(Optional.empty(), Optional.empty(), Optional.empty())).isEmpty();
        assertThat(hook.bodies()).isEmpty();
    }

    @Test
    void quietlyItDetectsAndKeepsButSendsNothing() {
        IngestRun run = jobs.ingest(List.of(), Jobs.Reaction.QUIET, false, JobProgress.silent());

        AfterIngestReport after = run.afterIngest().orElseThrow();
        assertThat(after.detection().created()).isEqualTo(3);
        assertThat(after.channels()).isFalse();
        assertThat(after.summary()).contains("anomalies 3 new").contains("alerts not sent");
        assertThat(anomalies().list(Optional.empty(), Optional.empty(), Optional.empty())).hasSize(3);
        assertThat(hook.bodies()).isEmpty();
        assertThat(new DuckDbAlertLog(store).attempts(Instant.EPOCH)).noneMatch(attempt -> attempt.outcome() == DeliveryOutcome.DELIVERED);
    }

    @Test
    void alertingItSendsAndASecondRunFindsTheSameAnomaliesUnchanged() {
        AfterIngestReport first = jobs.ingest(List.of(), Jobs.Reaction.ALERT, false, JobProgress.silent()).afterIngest().orElseThrow();
        AfterIngestReport second = jobs.ingest(List.of(), Jobs.Reaction.ALERT, false, JobProgress.silent()).afterIngest().orElseThrow();

        assertThat(first.dispatch().delivered()).isEqualTo(3);
        assertThat(first.summary()).contains("alerts 3 delivered");
        assertThat(List.of(second.detection().created(), second.detection().updated())).containsExactly(0, 0);
        assertThat(second.dispatch().unchanged()).isEqualTo(3);
        assertThat(hook.bodies()).hasSize(3);
    }

    @Test
    void aStoppedJobCutsTheIngestShortAndLeavesTheStoreAsItWas() {
        jobs.stop();

        assertThatThrownBy(() -> jobs.ingest(List.of(), Jobs.Reaction.ALERT, false, JobProgress.silent()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                .hasMessageContaining("Spendlens is stopping");
        assertThat(StoreCoverage.read(store).periods()).isEmpty();
    }

    @Test
    void withNoSourceGivenAndNoneConfiguredItSaysWhatToDo() {
        Jobs unconfigured = new Jobs(store, config.allocator(), CLOCK, SpendlensConfig.defaults());

        assertThatThrownBy(() -> unconfigured.ingest(List.of(), Jobs.Reaction.NONE, false, JobProgress.silent()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("set ingest.sources");
    }

    private AnomalyService anomalies() {
        return new AnomalyService(store, config.anomalies(), new FieldParser(List.of("team", "project", "cost-center", "application")), Optional.empty(), CLOCK);
    }
}
