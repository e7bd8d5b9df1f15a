package dev.spendlens.anomalies;

import static dev.spendlens.duckdb.testing.CurLine.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.Threshold;
import dev.spendlens.alerts.WebhookReceiver;
import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.anomaly.Feedback;
import dev.spendlens.anomaly.MonitorDefinition;
import dev.spendlens.config.AlertChannelConfig;
import dev.spendlens.config.AlertsConfig;
import dev.spendlens.config.AnomaliesConfig;
import dev.spendlens.config.MonitorConfig;
import dev.spendlens.config.SmtpConfig;
import dev.spendlens.config.SmtpSecurity;
import dev.spendlens.config.SubscriptionConfig;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.detection.AnomalyKind;
import dev.spendlens.detection.Contribution;
import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.CurLine;
import dev.spendlens.duckdb.testing.TestStore;
import dev.spendlens.error.SpendlensException;

import jakarta.mail.internet.MimeMessage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anomaly service over a real store, real webhook receivers and a real SMTP server.
 *
 * <pre>
 * principal | team | daily spend, 2026-06-01 .. 2026-08-31       | anomalies
 * alice     | ml   | 10 (NovaLite input) + 5 (NovaPro output)    | spikes 07-15 (x5 output) and 07-25 (x5 output)
 * bob       | web  | 20 (NovaLite input)                         | spike 08-10 (x6)
 * newbie    | web  | from 08-20: 80 a day (NovaPro output)        | new principal
 * </pre>
 */
class AnomalyServiceTest {
    private static final String ALICE = "arn:aws:iam::222222222222:user/alice";
    private static final String BOB = "arn:aws:iam::222222222222:user/bob";
    private static final String NEWBIE = "arn:aws:iam::222222222222:user/newbie";
    private static final FieldParser FIELDS = new FieldParser(List.of("team", "project", "cost-center", "application"));

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path folder;
    TestStore store;
    final WebhookReceiver ml = new WebhookReceiver();
    final WebhookReceiver web = new WebhookReceiver();

    @BeforeEach
    void ingest() {
        store = new TestStore(folder);
        List<CurLine> lines = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 6, 1); day.isBefore(LocalDate.of(2026, 9, 1)); day = day.plusDays(1)) {
            String period = day.toString().substring(0, 7);
            String at = day + "T10:00";
            boolean aliceSpike = day.equals(LocalDate.of(2026, 7, 15)) || day.equals(LocalDate.of(2026, 7, 25));
            lines.add(line().period(period).at(at).principal(ALICE).tag("iamPrincipal/team", "ml").cost("10.00"));
            lines.add(line().period(period).at(at).principal(ALICE).tag("iamPrincipal/team", "ml").usageType("USE1-NovaPro-output-tokens")
                    .cost(aliceSpike ? "25.00" : "5.00"));
            lines.add(line().period(period).at(at).principal(BOB).tag("iamPrincipal/team", "web").cost(day.equals(LocalDate.of(2026, 8, 10)) ? "120.00" : "20.00"));
            if (!day.isBefore(LocalDate.of(2026, 8, 20))) {
                lines.add(line().period(period).at(at).principal(NEWBIE).tag("iamPrincipal/team", "web").usageType("USE1-NovaPro-output-tokens").cost("80.00"));
            }
        }
        store.ingest(CurFixture.cur2Parquet(folder.resolve("export.parquet"), lines));
    }

    @AfterEach
    void close() {
        ml.close();
        web.close();
        store.close();
    }

    private AnomalyService service(List<SubscriptionConfig> subscriptions) {
        AnomaliesConfig defaults = AnomaliesConfig.defaults();
        AnomaliesConfig anomalies = new AnomaliesConfig(List.of(MonitorConfig.dimensional("principals", "PRINCIPAL"), MonitorConfig.dimensional("teams", "team")),
                subscriptions, List.of(), 400, 3, 30, "team", defaults.minimumScore(), defaults.minimumImpact(), defaults.minimumRisePercent(),
                defaults.newSeriesPercentile());
        SmtpConfig smtp = new SmtpConfig(Optional.of("127.0.0.1"), MAIL.getSmtp().getPort(), SmtpSecurity.NONE, Optional.empty(), Optional.empty(), "spendlens@acme.example",
                Optional.empty(), 5, 50);
        AlertsConfig alerts = new AlertsConfig(List.of(
                new AlertChannelConfig("ml-hook", "webhook", Optional.of(ml.url()), "generic", Map.of(), List.of()),
                new AlertChannelConfig("web-hook", "webhook", Optional.of(web.url()), "slack", Map.of(), List.of()),
                new AlertChannelConfig("finance", "email", Optional.empty(), "generic", Map.of(), List.of("cfo@acme.example", "fin@acme.example"))),
                smtp, Map.of("ml", List.of("ml-hook"), "web", List.of("web-hook")), List.of(), 2, 0, 0, 20, Optional.empty(), Optional.empty());
        return AnomalyService.create(store.store(), anomalies, alerts, FIELDS, TestStore.CLOCK);
    }

    private static List<SubscriptionConfig> owners() {
        return List.of(new SubscriptionConfig("owners", List.of("principals"), Threshold.none(), Frequency.IMMEDIATE, List.of(), true));
    }

    @Test
    void findsEachKindWithARootCauseThatSumsToTheImpact() {
        List<CostAnomaly> found = service(owners()).detect(Optional.empty(), Optional.of("principals"), line -> { }).anomalies();

        assertThat(found).extracting(CostAnomaly::seriesKey, CostAnomaly::kind, anomaly -> anomaly.start().toLocalDate())
                .contains(org.assertj.core.groups.Tuple.tuple(ALICE, AnomalyKind.SPIKE, LocalDate.of(2026, 7, 15)),
                        org.assertj.core.groups.Tuple.tuple(BOB, AnomalyKind.SPIKE, LocalDate.of(2026, 8, 10)),
                        org.assertj.core.groups.Tuple.tuple(NEWBIE, AnomalyKind.NEW_SERIES, LocalDate.of(2026, 8, 20)));
        for (CostAnomaly anomaly : found) {
            BigDecimal causes = anomaly.rootCause().stream().map(Contribution::change).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(causes).as(anomaly.id()).isEqualByComparingTo(anomaly.impact());
        }
        CostAnomaly spike = found.stream().filter(anomaly -> anomaly.seriesKey().equals(ALICE)).findFirst().orElseThrow();
        assertThat(spike.actual()).isEqualByComparingTo("35");
        assertThat(spike.impact()).isEqualByComparingTo(spike.actual().subtract(spike.expected()));
        assertThat(spike.rootCause().get(0).tokenType()).as("the output tokens rose").isEqualTo("OUTPUT");
        assertThat(spike.owner()).contains("ml");
        assertThat(spike.explanation()).contains("median of the last 14 days");
    }

    @Test
    void sendsEachAnomalyToItsOwnersChannelOnceAndAgainOnlyWhenItGrew() {
        AnomalyService service = service(owners());
        service.detect(Optional.of(LocalDate.of(2026, 8, 22)), Optional.of("principals"), line -> { });

        assertThat(web.bodies()).extracting(body -> body.get("text").asText()).anySatisfy(text -> assertThat(text).contains("newbie").contains("new spend"));
        assertThat(ml.bodies()).as("alice's spikes are older than the alert window").isEmpty();
        int sent = web.bodies().size();

        service.detect(Optional.of(LocalDate.of(2026, 8, 22)), Optional.of("principals"), line -> { });
        assertThat(web.bodies()).as("same anomaly, not grown: not sent again").hasSize(sent);

        service.detect(Optional.of(LocalDate.of(2026, 8, 25)), Optional.of("principals"), line -> { });
        assertThat(web.bodies()).hasSize(sent + 1);
        assertThat(web.bodies().get(sent).get("text").asText()).startsWith("Update: ");
    }

    @Test
    void plannedActivityKeepsTheNextAnomalyOfTheSeriesQuiet() {
        AnomalyService service = service(owners());
        CostAnomaly first = service.detect(Optional.of(LocalDate.of(2026, 7, 17)), Optional.of("principals"), line -> { }).anomalies().stream()
                .filter(anomaly -> anomaly.seriesKey().equals(ALICE)).findFirst().orElseThrow();
        assertThat(ml.bodies()).hasSize(1);

        service.feedback(first.id(), Feedback.PLANNED_ACTIVITY, Optional.of("quarterly batch"));
        List<CostAnomaly> later = service.detect(Optional.of(LocalDate.of(2026, 7, 27)), Optional.of("principals"), line -> { }).anomalies();

        CostAnomaly repeat = later.stream().filter(anomaly -> anomaly.seriesKey().equals(ALICE) && anomaly.start().toLocalDate().equals(LocalDate.of(2026, 7, 25)))
                .findFirst().orElseThrow();
        assertThat(repeat.suppressed()).get().asString().contains("planned");
        assertThat(ml.bodies()).as("nothing new sent").hasSize(1);
        assertThat(service.find(first.id()).feedback()).contains(Feedback.PLANNED_ACTIVITY);
    }

    @Test
    void aDailyDigestByEmailGroupsEveryAnomalyOfTheDay() throws Exception {
        AnomalyService service = service(List.of(new SubscriptionConfig("finance-digest", List.of(), Threshold.absolute(new BigDecimal("50")), Frequency.DAILY,
                List.of("finance"), false)));
        service.detect(Optional.of(LocalDate.of(2026, 8, 22)), Optional.empty(), line -> { });
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        service.flush(Frequency.DAILY);

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2).extracting(message -> message.getAllRecipients().length).containsOnly(2);
        assertThat(received[0].getSubject()).startsWith("[Spendlens] Daily digest: ");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("== web").contains("newbie");
    }

    @Test
    void monitorsComeFromTheFileAndTheApiAndBadOnesAreRefusedByName() {
        AnomalyService service = service(owners());
        service.createMonitor(new MonitorDefinition("account-222", Optional.empty(),
                Optional.of("{\"Dimensions\": {\"Key\": \"LINKED_ACCOUNT\", \"Values\": [\"222222222222\"]}}"), false, "api"));

        assertThat(service.monitors()).extracting(MonitorDefinition::name, MonitorDefinition::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("principals", "config"), org.assertj.core.groups.Tuple.tuple("teams", "config"),
                org.assertj.core.groups.Tuple.tuple("account-222", "api"));
        assertThat(service.detect(Optional.empty(), Optional.of("account-222"), line -> { }).anomalies()).extracting(CostAnomaly::seriesKey).containsOnly("TOTAL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.createMonitor(new MonitorDefinition("bad", Optional.of("SQUAD"), Optional.empty(), true,
                "api"))).isInstanceOf(SpendlensException.class).hasMessageContaining("monitor bad").hasMessageContaining("unknown dimension 'SQUAD'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.deleteMonitor("principals")).hasMessageContaining("configuration file");
    }
}
