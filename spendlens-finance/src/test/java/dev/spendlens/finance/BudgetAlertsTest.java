package dev.spendlens.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.spendlens.alert.DeliveryOutcome;
import dev.spendlens.alerts.WebhookReceiver;
import dev.spendlens.budget.Budget;
import dev.spendlens.budget.BudgetPeriod;
import dev.spendlens.budget.BudgetThreshold;
import dev.spendlens.config.AlertChannelConfig;
import dev.spendlens.config.AlertsConfig;
import dev.spendlens.config.BudgetsConfig;
import dev.spendlens.config.SmtpConfig;
import dev.spendlens.config.SmtpSecurity;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.duckdb.alert.DuckDbAlertLog;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.money.ExchangeRate;
import dev.spendlens.money.ExchangeRates;

import jakarta.mail.internet.MimeMessage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets on a generated organisation (3 months, 20 principals), judged as of 2026-10-20, alerting
 * through the shared alert channels: a real SMTP server (GreenMail) and real HTTP servers.
 *
 * <pre>
 * budget       scope                 owner                      period     amount     thresholds            hard limit
 * ds-monthly   team = data-science   data-science (its scope)   monthly    1,000 EUR  10%, forecast:10000%  20%
 * everything   all Bedrock spend     finance-ai (--owner)       monthly    1 USD      50%                   none
 * all-q        all Bedrock spend     none                       quarterly  plan 2026-10 = 1 EUR, else 9e9/3  forecast:200%   none
 *
 * channel       kind     gets
 * finance-mail  e-mail   every budget alert (budgets.channels)
 * ds-hook       webhook  data-science's alerts (alerts.owners)
 * fin-hook      webhook  finance-ai's alerts (alerts.owners)
 * </pre>
 */
class BudgetAlertsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 20);
    private static final ExchangeRates RATES = new ExchangeRates(List.of(new ExchangeRate(LocalDate.of(2026, 1, 1), "USD", "EUR", new BigDecimal("0.9"))));

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    static Path folder;
    static GeneratedOrganisation organisation;
    static WebhookReceiver dataScienceHook;
    static WebhookReceiver financeHook;

    @BeforeAll
    static void ingest() {
        organisation = new GeneratedOrganisation(folder, 3, 20, 9);
        organisation.ingestFinal();
        dataScienceHook = new WebhookReceiver();
        financeHook = new WebhookReceiver();
    }

    @AfterAll
    static void close() {
        dataScienceHook.close();
        financeHook.close();
        organisation.close();
    }

    private static Budget dataScience() {
        return new Budget("ds-monthly", Optional.of("{\"Dimensions\": {\"Key\": \"team\", \"Values\": [\"data-science\"]}}"), "team = data-science", BudgetPeriod.MONTHLY,
                "EUR", new BigDecimal("1000"), Map.of(), List.of(BudgetThreshold.parse("10%"), BudgetThreshold.parse("forecast:10000%")),
                Optional.of(BudgetThreshold.parse("20%")), Optional.empty());
    }

    private static Budget everything() {
        return new Budget("everything", Optional.empty(), "all Bedrock spend", BudgetPeriod.MONTHLY, "USD", BigDecimal.ONE, Map.of(),
                List.of(BudgetThreshold.parse("50%")), Optional.empty(), Optional.of("finance-ai"));
    }

    private static AlertsConfig alerts() {
        SmtpConfig smtp = new SmtpConfig(Optional.of("127.0.0.1"), MAIL.getSmtp().getPort(), SmtpSecurity.NONE, Optional.empty(), Optional.empty(),
                "spendlens@acme.example", Optional.empty(), 5, 50);
        return new AlertsConfig(List.of(
                new AlertChannelConfig("finance-mail", "email", Optional.empty(), "generic", Map.of(), List.of("finops@acme.example", "cfo@acme.example")),
                new AlertChannelConfig("ds-hook", "webhook", Optional.of(dataScienceHook.url()), "generic", Map.of(), List.of()),
                new AlertChannelConfig("fin-hook", "webhook", Optional.of(financeHook.url()), "slack", Map.of(), List.of())),
                smtp, Map.of("data-science", List.of("ds-hook"), "finance-ai", List.of("fin-hook")), List.of(), 2, 0, 0, 20, Optional.empty(), Optional.empty());
    }

    @Test
    void statusConvertsActualSpendIntoTheBudgetsCurrencyAndPlansQuarters() {
        BudgetService service = new BudgetService(organisation.access(), RATES);
        Budget planned = new Budget("all-q", Optional.empty(), "all Bedrock spend", BudgetPeriod.QUARTERLY, "EUR", new BigDecimal("9000000000"),
                Map.of(YearMonth.of(2026, 10), BigDecimal.ONE), List.of(BudgetThreshold.parse("forecast:200%")), Optional.empty(), Optional.empty());

        BudgetStatus status = service.status(planned, Optional.of(AS_OF));
        BudgetStatus dataScience = service.status(dataScience(), Optional.of(AS_OF));

        assertThat(status.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(status.periodEnd()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(status.budgetAmount()).isEqualByComparingTo("6000000001");
        assertThat(status.actual()).isEqualByComparingTo(status.actualBilling().multiply(new BigDecimal("0.9"), MathContext.DECIMAL128));
        assertThat(status.forecast().mean()).isGreaterThan(status.actual().doubleValue());
        assertThat(status.burnDown()).hasSize(92);
        assertThat(status.burnDown().get(19).actual()).isPresent();
        assertThat(status.burnDown().get(20).actual()).isEmpty();
        assertThat(status.burnDown().get(91).forecast().orElseThrow().mean()).isCloseTo(status.forecast().mean(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(dataScience.actualBilling()).isPositive().isLessThan(status.actualBilling());
    }

    @Test
    void eMailsEveryBudgetAlertAndPostsEachToItsOwningTeamOncePerPeriodWithADenyPolicyAtTheHardLimit() throws Exception {
        Path policies = folder.resolve("policies");
        BudgetsConfig budgets = new BudgetsConfig(List.of("finance-mail"), true, policies);
        BudgetService service = new BudgetService(organisation.access(), RATES);
        service.save(dataScience(), false);
        service.save(everything(), false);

        List<BudgetAlerts.Raised> first = new BudgetAlerts(service, BudgetAlerts.dispatcher(budgets, alerts(), organisation.store, GeneratedOrganisation.CLOCK),
                policies, GeneratedOrganisation.CLOCK).check(Optional.of(AS_OF));
        List<BudgetAlerts.Raised> second = new BudgetAlerts(service, BudgetAlerts.dispatcher(budgets, alerts(), organisation.store, GeneratedOrganisation.CLOCK),
                policies, GeneratedOrganisation.CLOCK).check(Optional.of(AS_OF));

        assertThat(first).extracting(BudgetAlerts.Raised::budget, BudgetAlerts.Raised::threshold, BudgetAlerts.Raised::owner).containsExactlyInAnyOrder(
                tuple("ds-monthly", "actual:10%", Optional.of("data-science")), tuple("ds-monthly", "hard-limit", Optional.of("data-science")),
                tuple("everything", "actual:50%", Optional.of("finance-ai")));
        assertThat(first).allSatisfy(raised -> assertThat(raised.dispatch().delivered()).isEqualTo(2));
        assertThat(first).filteredOn(raised -> raised.budget().equals("ds-monthly"))
                .allSatisfy(raised -> assertThat(raised.delivery()).isEqualTo("finance-mail delivered, ds-hook delivered"));
        assertThat(second).isEmpty();

        List<JsonNode> dataScienceBodies = dataScienceHook.bodies();
        assertThat(dataScienceBodies).hasSize(2);
        assertThat(dataScienceBodies.get(0).at("/alerts/0/source").asText()).isEqualTo("budget");
        assertThat(dataScienceBodies.get(0).at("/alerts/0/owner").asText()).isEqualTo("data-science");
        assertThat(dataScienceBodies.get(0).toString()).contains("ds-monthly").contains("actual:10%").contains("EUR");
        assertThat(dataScienceBodies.get(1).toString()).contains("hard limit").contains("Deny policy");
        assertThat(financeHook.bodies()).as("finance-ai hears only of its own budget, in Slack's format").hasSize(1)
                .allSatisfy(body -> assertThat(body.get("text").asText()).contains("everything"));

        MimeMessage[] mail = MAIL.getReceivedMessages();
        assertThat(mail).as("three alerts, each to two recipients").hasSize(6);
        assertThat(Arrays.stream(mail).map(message -> subject(message)).distinct()).hasSize(3)
                .anySatisfy(subject -> assertThat(subject).startsWith("[Spendlens] Budget ds-monthly crossed its hard limit"));
        assertThat(GreenMailUtil.getBody(mail[0])).contains("Owner: ");

        Path policy = first.stream().filter(raised -> raised.threshold().equals("hard-limit")).findFirst().orElseThrow().policy().orElseThrow();
        JsonNode document = JSON.readTree(Files.readString(policy));
        assertThat(document.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(document.get("Statement")).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
            assertThat(statement.get("Action").toString()).contains("bedrock:InvokeModel");
        });
        assertThat(document.toString()).contains("ChurnScoring");
        assertThat(service.status(dataScience(), Optional.of(AS_OF)).alerted()).extracting(crossed -> crossed.threshold()).containsExactly("actual:10%", "hard-limit");
        service.delete("ds-monthly");
        service.delete("everything");
    }

    @Test
    void aBudgetWhoseOwnerHasNoChannelIsKeptAndLoggedUnrouted(@TempDir Path scratch) {
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(scratch.resolve("unrouted.duckdb")))) {
            organisation.ingestInto(store);
            BudgetService service = new BudgetService(new StoreAccess(store, organisation.allocator(), GeneratedOrganisation.CLOCK), RATES);
            service.save(everything(), false);

            List<BudgetAlerts.Raised> raised = new BudgetAlerts(service, BudgetAlerts.dispatcher(BudgetsConfig.defaults(), AlertsConfig.defaults(), store,
                    GeneratedOrganisation.CLOCK), scratch, GeneratedOrganisation.CLOCK).check(Optional.of(AS_OF));

            assertThat(raised).singleElement().satisfies(alert -> assertThat(alert.delivery()).isEqualTo("no channel reaches the owner (logged unrouted)"));
            assertThat(new DuckDbAlertLog(store).attempts(Instant.EPOCH)).singleElement()
                    .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.UNROUTED));
        }
    }

    @Test
    void theOwnerIsTheBudgetsOwnerElseTheOneTeamItsFilterSelects() {
        BudgetService service = new BudgetService(organisation.access(), RATES);
        Budget twoTeams = new Budget("two", Optional.of("{\"Dimensions\": {\"Key\": \"team\", \"Values\": [\"data-science\", \"finance-ai\"]}}"), "two teams",
                BudgetPeriod.MONTHLY, "USD", BigDecimal.TEN, Map.of(), List.of(), Optional.empty(), Optional.empty());
        Budget andModel = new Budget("and", Optional.of("{\"And\": [{\"Dimensions\": {\"Key\": \"MODEL\", \"Values\": [\"Claude Opus 4.6\"]}},"
                + " {\"Dimensions\": {\"Key\": \"team\", \"Values\": [\"data-science\"]}}]}"), "opus of data science", BudgetPeriod.MONTHLY, "USD", BigDecimal.TEN,
                Map.of(), List.of(), Optional.empty(), Optional.empty());

        assertThat(BudgetAlerts.owner(dataScience(), service.filter(dataScience()))).contains("data-science");
        assertThat(BudgetAlerts.owner(everything(), service.filter(everything()))).contains("finance-ai");
        assertThat(BudgetAlerts.owner(andModel, service.filter(andModel))).contains("data-science");
        assertThat(BudgetAlerts.owner(twoTeams, service.filter(twoTeams))).isEmpty();
    }

    @Test
    void budgetsAndTheirAlertsSurviveARestart() {
        Path storeFile = folder.resolve("restart.duckdb");
        Budget budget = new Budget("restart", Optional.empty(), "all Bedrock spend", BudgetPeriod.MONTHLY, "USD", BigDecimal.ONE, Map.of(),
                List.of(BudgetThreshold.parse("50%")), Optional.empty(), Optional.empty());
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(storeFile))) {
            organisation.ingestInto(store);
            BudgetService service = new BudgetService(new StoreAccess(store, organisation.allocator(), GeneratedOrganisation.CLOCK), RATES);
            service.save(budget, false);
            assertThat(new BudgetAlerts(service, BudgetAlerts.loggedOnly(store, GeneratedOrganisation.CLOCK), folder.resolve("p"), GeneratedOrganisation.CLOCK)
                    .check(Optional.of(AS_OF))).hasSize(1);
        }
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(storeFile))) {
            BudgetService service = new BudgetService(new StoreAccess(store, organisation.allocator(), GeneratedOrganisation.CLOCK), RATES);

            assertThat(service.list()).containsExactly(budget);
            assertThat(new BudgetAlerts(service, BudgetAlerts.loggedOnly(store, GeneratedOrganisation.CLOCK), folder.resolve("p"), GeneratedOrganisation.CLOCK)
                    .check(Optional.of(AS_OF))).isEmpty();
            assertThatThrownBy(() -> service.save(budget, false)).isInstanceOf(SpendlensException.class).hasMessageContaining("exists");
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesAFilterOnAnUnknownDimension() {
        BudgetService service = new BudgetService(organisation.access(), RATES);
        Budget bad = new Budget("bad", Optional.of("{\"Dimensions\": {\"Key\": \"squad\", \"Values\": [\"x\"]}}"), "squad = x", BudgetPeriod.MONTHLY, "USD", BigDecimal.TEN,
                Map.of(), List.of(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> service.save(bad, false)).hasMessageContaining("unknown dimension 'squad'");
    }
}
