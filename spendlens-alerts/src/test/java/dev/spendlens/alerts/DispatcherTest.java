package dev.spendlens.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.alert.Alert;
import dev.spendlens.alert.DeliveryAttempt;
import dev.spendlens.alert.DeliveryOutcome;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.NotificationKind;
import dev.spendlens.alert.Severity;
import dev.spendlens.alert.Threshold;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.duckdb.alert.DuckDbAlertLog;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher over a real DuckDB alert log and real webhook receivers.
 *
 * <pre>
 * channel    receives
 * ml-hook    team ml-platform's alerts (owner routing)
 * web-hook   team web's alerts
 * ops-hook   fallback for owners without a channel; the weekly digest of everything
 * </pre>
 */
class DispatcherTest {
    @TempDir
    Path folder;

    private DuckDbStore store;
    private DuckDbAlertLog log;
    private final WebhookReceiver ml = new WebhookReceiver();
    private final WebhookReceiver web = new WebhookReceiver();
    private final WebhookReceiver ops = new WebhookReceiver();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void open() {
        store = DuckDbStore.open(StoreSettings.at(folder.resolve("store.duckdb")));
        log = new DuckDbAlertLog(store);
    }

    @AfterEach
    void close() {
        ml.close();
        web.close();
        ops.close();
        store.close();
    }

    private List<Channel> channels() {
        return List.of(new WebhookChannel("ml-hook", ml.url(), WebhookFormat.GENERIC, Map.of(), Duration.ofSeconds(5)),
                new WebhookChannel("web-hook", web.url(), WebhookFormat.GENERIC, Map.of(), Duration.ofSeconds(5)),
                new WebhookChannel("ops-hook", ops.url(), WebhookFormat.SLACK, Map.of(), Duration.ofSeconds(5)));
    }

    private Dispatcher dispatcher(List<Route> routes) {
        Routing routing = new Routing(routes, Map.of("ml-platform", List.of("ml-hook"), "web", List.of("web-hook")), List.of("ops-hook"));
        return new Dispatcher(channels(), routing, log, new RetryPolicy(3, Duration.ofSeconds(2), 3, Duration.ofMinutes(1)), waits::add,
                Clock.fixed(Alerts.NOW, ZoneOffset.UTC), 0.2);
    }

    private static Route toOwner(Frequency frequency) {
        return new Route("owners", Set.of("anomaly"), Set.of(), Set.of(), Severity.INFO, Threshold.none(), frequency, List.of(), true);
    }

    @Test
    void sendsEachTeamsAlertToThatTeamsChannelAndUnknownOwnersToTheFallback() {
        Dispatcher dispatcher = dispatcher(List.of(toOwner(Frequency.IMMEDIATE)));
        dispatcher.submit(Alerts.anomaly("a-ml", "ml-platform", "100"));
        dispatcher.submit(Alerts.anomaly("a-web", "web", "100"));
        dispatcher.submit(Alerts.anomaly("a-unknown", "finance", "100"));

        assertThat(ml.bodies()).extracting(body -> body.get("alerts").get(0).get("key").asText()).containsExactly("a-ml");
        assertThat(web.bodies()).extracting(body -> body.get("alerts").get(0).get("key").asText()).containsExactly("a-web");
        assertThat(ops.bodies()).extracting(body -> body.get("text").asText()).containsExactly("Bedrock spend up on a-unknown");
        assertThat(log.attempts(Instant.EPOCH)).hasSize(3).allMatch(attempt -> attempt.outcome() == DeliveryOutcome.DELIVERED);
    }

    @Test
    void sendsOneAlertPerKeyAndAnUpdateOnlyWhenItGrew() {
        Dispatcher dispatcher = dispatcher(List.of(toOwner(Frequency.IMMEDIATE)));
        dispatcher.submit(Alerts.anomaly("a1", "ml-platform", "100"));
        DispatchReport same = dispatcher.submit(Alerts.anomaly("a1", "ml-platform", "110"));
        dispatcher.submit(Alerts.anomaly("a1", "ml-platform", "130"));
        dispatcher.submit(Alerts.anomaly("a1", Optional.of("ml-platform"), "131", Severity.CRITICAL));

        assertThat(same.unchanged()).isEqualTo(1);
        assertThat(ml.bodies()).extracting(body -> body.get("kind").asText() + " " + body.get("alerts").get(0).get("amount").asText())
                .containsExactly("NEW 100", "UPDATE 130", "UPDATE 131");
        assertThat(log.alert("a1")).get().extracting(Alert::amount).isEqualTo(new BigDecimal("131"));
    }

    @Test
    void retriesAFailingChannelWithBackoffAndRecordsEveryAttempt() {
        ml.failNext(500, 503);
        Dispatcher dispatcher = dispatcher(List.of(toOwner(Frequency.IMMEDIATE)));
        DispatchReport report = dispatcher.submit(Alerts.anomaly("a1", "ml-platform", "100"));

        assertThat(report.attempts()).extracting(DeliveryAttempt::attempt, DeliveryAttempt::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, DeliveryOutcome.FAILED), org.assertj.core.groups.Tuple.tuple(2, DeliveryOutcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple(3, DeliveryOutcome.DELIVERED));
        assertThat(report.attempts().get(0).error()).get().asString().contains("HTTP 500");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6));
        assertThat(ml.bodies()).hasSize(1);
        assertThat(log.attempts(Instant.EPOCH)).hasSize(3);
    }

    @Test
    void keepsAnAlertWhoseEveryAttemptFailedAndDeliversItOnTheNextFlush() {
        ml.failNext(500, 500, 500);
        Dispatcher dispatcher = dispatcher(List.of(toOwner(Frequency.IMMEDIATE)));
        DispatchReport failed = dispatcher.submit(Alerts.anomaly("a1", "ml-platform", "100"));
        assertThat(failed.deferred()).isEqualTo(1);
        assertThat(log.outbox(Frequency.IMMEDIATE)).extracting(entry -> entry.alertKey()).containsExactly("a1");

        DispatchReport retried = dispatcher.flush(Frequency.IMMEDIATE);

        assertThat(retried.delivered()).isEqualTo(1);
        assertThat(ml.bodies()).extracting(body -> body.get("kind").asText()).containsExactly("NEW");
        assertThat(log.outbox(Frequency.IMMEDIATE)).isEmpty();
        assertThat(log.attempts(Instant.EPOCH)).extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryOutcome.FAILED, DeliveryOutcome.FAILED, DeliveryOutcome.DEFERRED, DeliveryOutcome.DELIVERED);
    }

    @Test
    void groupsDigestsPerChannelAndFrequencyWithTheLatestRevisionOfEachAlert() {
        Route daily = toOwner(Frequency.DAILY);
        Route weekly = new Route("weekly-all", Set.of(), Set.of(), Set.of(), Severity.INFO, Threshold.none(), Frequency.WEEKLY, List.of("ops-hook"), false);
        Dispatcher dispatcher = dispatcher(List.of(daily, weekly));
        dispatcher.submit(Alerts.anomaly("a1", "ml-platform", "100"));
        dispatcher.submit(Alerts.anomaly("a2", "ml-platform", "300"));
        dispatcher.submit(Alerts.anomaly("a3", "web", "50"));
        dispatcher.submit(Alerts.anomaly("a1", "ml-platform", "200"));
        assertThat(ml.bodies()).isEmpty();

        dispatcher.flush(Frequency.DAILY);

        assertThat(ml.bodies()).hasSize(1);
        JsonNode mlDigest = ml.bodies().get(0);
        assertThat(mlDigest.get("kind").asText()).isEqualTo("DIGEST");
        assertThat(mlDigest.get("subject").asText()).isEqualTo("Daily digest: 2 alerts");
        assertThat(mlDigest.get("alerts")).extracting(alert -> alert.get("key").asText() + "=" + alert.get("amount").decimalValue().toPlainString())
                .containsExactlyInAnyOrder("a1=200", "a2=300");
        assertThat(web.bodies()).hasSize(1);
        assertThat(web.bodies().get(0).get("alerts")).extracting(alert -> alert.get("key").asText()).containsExactly("a3");
        assertThat(ops.bodies()).as("the weekly digest waits for its own flush").isEmpty();

        dispatcher.flush(Frequency.WEEKLY);

        JsonNode weeklyDigest = ops.bodies().get(0);
        assertThat(weeklyDigest.get("text").asText()).isEqualTo("Weekly digest: 3 alerts");
        List<String> owners = new ArrayList<>();
        weeklyDigest.get("blocks").forEach(block -> {
            String text = block.path("text").path("text").asText("");
            if (text.startsWith("*") && text.contains("(")) {
                owners.add(text);
            }
        });
        assertThat(owners).containsExactly("*ml-platform* (2)", "*web* (1)");
        assertThat(log.outbox(Frequency.DAILY)).isEmpty();
        assertThat(log.outbox(Frequency.WEEKLY)).isEmpty();
    }

    @Test
    void appliesTheSubscriptionThresholdsAndRecordsAnAlertWithNowhereToGo() {
        Route big = new Route("big-only", Set.of("anomaly"), Set.of(), Set.of(), Severity.INFO,
                new Threshold(Optional.of(new BigDecimal("500")), Optional.of(new BigDecimal("100")), Threshold.Combination.AND), Frequency.IMMEDIATE,
                List.of("ops-hook"), false);
        Routing nowhere = new Routing(List.of(new Route("owners", Set.of(), Set.of(), Set.of(), Severity.INFO, Threshold.none(), Frequency.IMMEDIATE, List.of(), true)),
                Map.of(), List.of());
        Dispatcher thresholds = dispatcher(List.of(big));
        thresholds.submit(Alerts.anomaly("small", "web", "100"));
        thresholds.submit(Alerts.anomaly("large", "web", "900"));
        assertThat(ops.bodies()).extracting(body -> body.get("text").asText()).containsExactly("Bedrock spend up on large");

        Dispatcher unrouted = new Dispatcher(channels(), nowhere, log, RetryPolicy.defaults(), waits::add, Clock.fixed(Alerts.NOW, ZoneOffset.UTC), 0.2);
        DispatchReport report = unrouted.submit(Alerts.anomaly("orphan", "finance", "100"));
        assertThat(report.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.UNROUTED);
            assertThat(attempt.kind()).isEqualTo(NotificationKind.NEW);
            assertThat(attempt.error()).get().asString().contains("owner finance has no channel");
        });
        assertThat(log.alert("orphan")).isPresent();
    }
}
