package dev.spendlens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.spendlens.alerts.WebhookReceiver;
import dev.spendlens.config.ConfigLoader;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.duckdb.job.JobRunLog;
import dev.spendlens.jobs.testing.Await;

import jakarta.mail.internet.MimeMessage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler over a real store, real webhook receivers and a real SMTP server, with a clock the
 * test moves and a 50 ms tick: no test waits for real hours, none sleeps more than a few seconds.
 * The data is {@link SmallOrganisation}'s.
 */
class SchedulerTest {
    private static final Duration TICK = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant MONDAY_EARLY = Instant.parse("2026-09-14T06:00:00Z");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path folder;
    final WebhookReceiver ml = new WebhookReceiver();
    final WebhookReceiver web = new WebhookReceiver();
    final WebhookReceiver digests = new WebhookReceiver();
    DuckDbStore store;
    Scheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (store != null) {
            store.close();
        }
        ml.close();
        web.close();
        digests.close();
    }

    private Scheduler scheduler(Path configFile, SettableClock clock) {
        SpendlensConfig config = ConfigLoader.load(Optional.of(configFile), Map.of());
        store = DuckDbStore.open(StoreSettings.at(config.store().path()));
        scheduler = new Scheduler(new Jobs(store, config.allocator(), clock, config), Schedule.of(config), TICK);
        return scheduler;
    }

    @Test
    void aScheduledIngestRetriesAFailureThenAlertsTheOwnersAndLaterSkipsUnchangedSourcesAndPicksUpANewDelivery() {
        Path export = folder.resolve("export");
        Path configFile = SmallOrganisation.config(folder, "    - {name: owners}\n", """
                ingest:
                  sources: [export]
                  every: 1h
                alerts:
                  channels:
                    - {name: ml-hook, url: "%s"}
                    - {name: web-hook, url: "%s"}
                  owners: {ml: ml-hook, web: web-hook}
                  daily-digest-at: ""
                  weekly-digest-at: ""
                """.formatted(ml.url(), web.url()));
        SettableClock clock = new SettableClock(MONDAY_EARLY);
        Scheduler scheduler = scheduler(configFile, clock);

        scheduler.start();
        await("the first ingest fails (the export is not there yet) and is retried at the next tick",
                () -> state(scheduler, Job.INGEST).nextRun().equals(Optional.of(MONDAY_EARLY.plus(TICK))));
        JobState failed = state(scheduler, Job.INGEST);
        assertThat(failed.failures()).isEqualTo(1);
        assertThat(failed.lastRun().orElseThrow().errorCode()).contains("SOURCE_NOT_FOUND");
        assertThat(failed.lastRun().orElseThrow().trigger()).isEqualTo("schedule");

        SmallOrganisation.writeSummer(export);
        clock.advance(Duration.ofSeconds(1));
        Instant inAnHour = MONDAY_EARLY.plusSeconds(1).plus(Duration.ofHours(1));
        await("the retry ingests and alerts, and the next run is an hour after it", () -> state(scheduler, Job.INGEST).nextRun().equals(Optional.of(inAnHour)));

        JobState succeeded = state(scheduler, Job.INGEST);
        assertThat(succeeded.lastSuccess()).contains(MONDAY_EARLY.plusSeconds(1));
        assertThat(succeeded.consecutiveFailures()).isZero();
        assertThat(succeeded.lastRun().orElseThrow().message()).contains("anomalies 3 new");
        assertThat(texts(ml)).as("alice's spike goes to team ml's channel").hasSize(1).allSatisfy(text -> assertThat(text).contains("alice"));
        assertThat(texts(web)).as("bob's spike and newbie's first spend go to team web's").hasSize(2).anySatisfy(text -> assertThat(text).contains("bob"))
                .anySatisfy(text -> assertThat(text).contains("newbie"));

        clock.advance(Duration.ofHours(1));
        await("the next ingest finds nothing new", () -> scheduler.runner().state(Job.INGEST).runs() == 3);
        assertThat(state(scheduler, Job.INGEST).lastRun().orElseThrow().message()).contains("nothing new");
        assertThat(ml.bodies()).hasSize(1);
        assertThat(web.bodies()).hasSize(2);

        SmallOrganisation.writeSeptember(export);
        clock.advance(Duration.ofHours(1));
        await("the next ingest picks up September", () -> scheduler.runner().state(Job.INGEST).runs() == 4);
        assertThat(state(scheduler, Job.INGEST).lastRun().orElseThrow().outcome()).isEqualTo(JobRunLog.Outcome.SUCCEEDED);
        assertThat(texts(ml)).hasSize(2).anySatisfy(text -> assertThat(text).contains("carol"));
    }

    @Test
    void digestsGoOutAtTheirTimesOneMessagePerChannelGroupedByOwner() throws Exception {
        Path export = folder.resolve("export");
        SmallOrganisation.writeSummer(export);
        Path configFile = SmallOrganisation.config(folder, """
                    - {name: daily, frequency: DAILY, channels: [digest-hook], to-owner: false}
                    - {name: weekly, frequency: WEEKLY, channels: [finance], to-owner: false}
                """, """
                alerts:
                  channels:
                    - {name: digest-hook, url: "%s"}
                    - {name: finance, type: email, recipients: [cfo@acme.example]}
                  smtp: {host: 127.0.0.1, port: %d, security: none, from: spendlens@acme.example}
                  daily-digest-at: "08:00"
                  weekly-digest-at: monday 08:00
                """.formatted(digests.url(), MAIL.getSmtp().getPort()));
        SettableClock clock = new SettableClock(Instant.parse("2026-09-14T07:59:30Z"));
        Scheduler scheduler = scheduler(configFile, clock);
        IngestRun ingested = scheduler.ingest(java.util.List.of(export.toString()), Jobs.Reaction.ALERT, Trigger.API);
        assertThat(ingested.afterIngest().orElseThrow().dispatch().queued()).as("3 anomalies, each waiting for 2 digests").isEqualTo(6);

        scheduler.start();
        Thread.sleep(TICK.multipliedBy(6).toMillis());
        assertThat(digests.bodies()).as("not before 08:00").isEmpty();
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        clock.set(Instant.parse("2026-09-14T08:00:00Z"));
        await("the daily digest is posted", () -> digests.bodies().size() == 1);
        await("the weekly digest is e-mailed", () -> MAIL.getReceivedMessages().length == 1);

        JsonNode daily = digests.bodies().get(0);
        assertThat(daily.get("kind").asText()).isEqualTo("DIGEST");
        assertThat(daily.get("frequency").asText()).isEqualTo("DAILY");
        assertThat(daily.get("alerts")).hasSize(3);
        Set<String> owners = new HashSet<>();
        daily.get("alerts").forEach(alert -> owners.add(alert.get("owner").asText()));
        assertThat(owners).containsExactlyInAnyOrder("ml", "web");
        MimeMessage weekly = MAIL.getReceivedMessages()[0];
        assertThat(weekly.getSubject()).startsWith("[Spendlens] Weekly digest: ");
        assertThat(GreenMailUtil.getBody(weekly)).contains("== ml").contains("== web").contains("alice").contains("newbie");
        await("the next daily digest is due on Tuesday", () -> state(scheduler, Job.DAILY_DIGEST).nextRun().equals(Optional.of(Instant.parse("2026-09-15T08:00:00Z"))));
        await("the next weekly digest is due next Monday", () -> state(scheduler, Job.WEEKLY_DIGEST).nextRun().equals(Optional.of(Instant.parse("2026-09-21T08:00:00Z"))));
        assertThat(state(scheduler, Job.WEEKLY_DIGEST).lastSuccess()).contains(Instant.parse("2026-09-14T08:00:00Z"));

        clock.set(Instant.parse("2026-09-15T08:00:00Z"));
        await("Tuesday's daily digest runs", () -> scheduler.runner().state(Job.DAILY_DIGEST).runs() == 2);
        assertThat(digests.bodies()).as("nothing waited: nothing is sent").hasSize(1);
        assertThat(state(scheduler, Job.DAILY_DIGEST).lastRun().orElseThrow().message()).isEqualTo("0 delivered, 0 deferred");
    }

    @Test
    void closingStopsTheThreadAndRefusesLaterJobs() {
        Path configFile = SmallOrganisation.config(folder, "    - {name: owners}\n", """
                ingest:
                  sources: [missing]
                  every: 1h
                """);
        Scheduler scheduler = scheduler(configFile, new SettableClock(MONDAY_EARLY));
        scheduler.start();
        assertThat(scheduler.running()).isTrue();
        await("the first ingest ran", () -> scheduler.runner().state(Job.INGEST).runs() == 1);

        long started = System.nanoTime();
        scheduler.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(scheduler.running()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scheduler.ingest(java.util.List.of(), Jobs.Reaction.NONE, Trigger.API))
                .hasMessageContaining("Spendlens is stopping");
    }

    private static JobState state(Scheduler scheduler, Job job) {
        return scheduler.states().stream().filter(state -> state.job() == job).findFirst().orElseThrow();
    }

    private static java.util.List<String> texts(WebhookReceiver receiver) {
        return receiver.bodies().stream().map(body -> body.toString()).toList();
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, PATIENCE, condition);
    }
}
