package dev.spendlens.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spendlens.alerts.WebhookFormat;
import dev.spendlens.budget.Budget;
import dev.spendlens.budget.BudgetPeriod;
import dev.spendlens.budget.BudgetThreshold;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.money.ExchangeRate;
import dev.spendlens.money.ExchangeRates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets on a generated organisation (3 months, 20 principals), judged as of 2026-10-20, alerting
 * through spendlens-alerts' webhook channel to a real HTTP server.
 *
 * <pre>
 * budget       scope                 period     amount     thresholds                hard limit
 * ds-monthly   team = data-science   monthly    1,000 EUR  10%, forecast:10000%      20%
 * all-q        all Bedrock spend     quarterly  plan 2026-10 = 1 EUR, else 9e9/3  forecast:200%   none
 * </pre>
 */
class BudgetAlertsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 20);
    private static final ExchangeRates RATES = new ExchangeRates(List.of(new ExchangeRate(LocalDate.of(2026, 1, 1), "USD", "EUR", new BigDecimal("0.9"))));

    @TempDir
    static Path folder;
    static GeneratedOrganisation organisation;
    static WebhookReceiver webhook;

    @BeforeAll
    static void ingest() {
        organisation = new GeneratedOrganisation(folder, 3, 20, 9);
        organisation.ingestFinal();
        webhook = new WebhookReceiver();
    }

    @AfterAll
    static void close() {
        webhook.close();
        organisation.close();
    }

    private static Budget dataScience() {
        return new Budget("ds-monthly", Optional.of("{\"Dimensions\": {\"Key\": \"team\", \"Values\": [\"data-science\"]}}"), "team = data-science", BudgetPeriod.MONTHLY,
                "EUR", new BigDecimal("1000"), Map.of(), List.of(BudgetThreshold.parse("10%"), BudgetThreshold.parse("forecast:10000%")),
                Optional.of(BudgetThreshold.parse("20%")), Optional.of("data-science"));
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
    void alertsOncePerPeriodThroughTheWebhookAndWritesADenyPolicyAtTheHardLimit() throws Exception {
        Path policies = folder.resolve("policies");
        BudgetSettings settings = new BudgetSettings(Optional.of(webhook.url()), WebhookFormat.GENERIC, policies);
        BudgetService service = new BudgetService(organisation.access(), RATES);
        service.save(dataScience(), false);

        List<BudgetAlerts.Raised> first = new BudgetAlerts(service, BudgetAlerts.dispatcher(settings, organisation.store, GeneratedOrganisation.CLOCK), policies,
                GeneratedOrganisation.CLOCK).check(Optional.of(AS_OF));
        List<BudgetAlerts.Raised> second = new BudgetAlerts(service, BudgetAlerts.dispatcher(settings, organisation.store, GeneratedOrganisation.CLOCK), policies,
                GeneratedOrganisation.CLOCK).check(Optional.of(AS_OF));

        assertThat(first).extracting(BudgetAlerts.Raised::threshold).containsExactly("actual:10%", "hard-limit");
        assertThat(first).allSatisfy(raised -> assertThat(raised.delivery()).isEqualTo("budget-webhook delivered"));
        assertThat(second).isEmpty();
        List<JsonNode> bodies = webhook.bodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).toString()).contains("ds-monthly").contains("actual:10%").contains("EUR");
        assertThat(bodies.get(1).toString()).contains("hard limit").contains("Deny policy");
        Path policy = first.get(1).policy().orElseThrow();
        JsonNode document = JSON.readTree(Files.readString(policy));
        assertThat(document.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(document.get("Statement")).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
            assertThat(statement.get("Action").toString()).contains("bedrock:InvokeModel");
        });
        assertThat(document.toString()).contains("ChurnScoring");
        assertThat(service.status(dataScience(), Optional.of(AS_OF)).alerted()).extracting(crossed -> crossed.threshold()).containsExactly("actual:10%", "hard-limit");
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
            BudgetSettings unrouted = new BudgetSettings(Optional.empty(), WebhookFormat.GENERIC, folder.resolve("p"));
            assertThat(new BudgetAlerts(service, BudgetAlerts.dispatcher(unrouted, store, GeneratedOrganisation.CLOCK), folder.resolve("p"), GeneratedOrganisation.CLOCK)
                    .check(Optional.of(AS_OF))).hasSize(1);
        }
        try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(storeFile))) {
            BudgetService service = new BudgetService(new StoreAccess(store, organisation.allocator(), GeneratedOrganisation.CLOCK), RATES);
            BudgetSettings unrouted = new BudgetSettings(Optional.empty(), WebhookFormat.GENERIC, folder.resolve("p"));

            assertThat(service.list()).containsExactly(budget);
            assertThat(new BudgetAlerts(service, BudgetAlerts.dispatcher(unrouted, store, GeneratedOrganisation.CLOCK), folder.resolve("p"), GeneratedOrganisation.CLOCK)
                    .check(Optional.of(AS_OF))).isEmpty();
            assertThatThrownBy(() -> service.save(budget, false)).isInstanceOf(SpendlensException.class).hasMessageContaining("exists");
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
