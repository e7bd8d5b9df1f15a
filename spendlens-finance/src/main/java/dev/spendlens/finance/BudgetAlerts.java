package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spendlens.alert.Alert;
import dev.spendlens.alert.AlertField;
import dev.spendlens.alert.DeliveryAttempt;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.Severity;
import dev.spendlens.alert.Threshold;
import dev.spendlens.alerts.Channel;
import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.alerts.Dispatcher;
import dev.spendlens.alerts.RetryPolicy;
import dev.spendlens.alerts.Route;
import dev.spendlens.alerts.Routing;
import dev.spendlens.alerts.WebhookChannel;
import dev.spendlens.budget.BudgetCheck;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.alert.DuckDbAlertLog;
import dev.spendlens.duckdb.finance.BudgetRepository;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every budget and raises, once per period, an alert for each threshold crossed, through
 * spendlens-alerts (its webhook channel, routing and delivery log). When actual spend crosses a
 * budget's hard limit, an IAM deny policy for the principals concerned is written for a person to
 * apply, and an alert carrying it is sent; Spendlens never calls AWS.
 */
public final class BudgetAlerts {
    static final String SOURCE = "budget";
    static final String HARD_LIMIT = "hard-limit";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BudgetService budgets;
    private final Dispatcher dispatcher;
    private final Path policyDirectory;
    private final Clock clock;

    public BudgetAlerts(BudgetService budgets, Dispatcher dispatcher, Path policyDirectory, Clock clock) {
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.policyDirectory = requireNonNull(policyDirectory, "policyDirectory is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A dispatcher that posts budget alerts to the configured webhook (none configured: alerts are logged as unrouted). */
    public static Dispatcher dispatcher(BudgetSettings settings, DuckDbStore store, Clock clock) {
        List<Channel> channels = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        settings.webhook().ifPresent(url -> {
            channels.add(new WebhookChannel("budget-webhook", url, settings.format(), Map.of(), Duration.ofSeconds(10)));
            routes.add(new Route("budgets", Set.of(SOURCE), Set.of(), Set.of(), Severity.INFO, Threshold.none(), Frequency.IMMEDIATE, List.of("budget-webhook"), false));
        });
        return new Dispatcher(channels, new Routing(routes, Map.of(), List.of()), new DuckDbAlertLog(store), RetryPolicy.defaults(), RetryPolicy.Sleeper.REAL, clock, 0.2);
    }

    /**
     * An alert raised by a check.
     *
     * @param threshold the threshold's key, or {@code hard-limit}
     * @param delivery what became of it: the channels' outcomes
     * @param policy the deny policy written, for a hard limit
     */
    public record Raised(String budget, LocalDate periodStart, String threshold, Severity severity, String delivery, Optional<Path> policy) {}

    public List<Raised> check(Optional<LocalDate> asOf) {
        List<Raised> raised = new ArrayList<>();
        for (BudgetStatus status : budgets.statuses(asOf)) {
            Set<String> done = status.alerted().stream().map(BudgetRepository.Crossed::threshold).collect(Collectors.toSet());
            for (BudgetCheck.Crossing crossing : status.crossings()) {
                if (done.add(crossing.threshold().key())) {
                    raised.add(raise(status, crossing, Optional.empty()));
                }
            }
            if (status.hardLimit().isPresent() && done.add(HARD_LIMIT)) {
                raised.add(raise(status, status.hardLimit().get(), Optional.of(writePolicy(status))));
            }
        }
        return raised;
    }

    private Raised raise(BudgetStatus status, BudgetCheck.Crossing crossing, Optional<Path> policy) {
        String budget = status.budget().name();
        String threshold = policy.isPresent() ? HARD_LIMIT : crossing.threshold().key();
        BigDecimal percent = status.budgetAmount().signum() == 0 ? BigDecimal.ZERO
                : crossing.observed().multiply(BigDecimal.valueOf(100)).divide(status.budgetAmount(), 1, RoundingMode.HALF_UP);
        Severity severity = policy.isPresent() || percent.compareTo(BigDecimal.valueOf(100)) >= 0 ? Severity.CRITICAL : Severity.WARNING;
        String currency = status.budget().currency();
        String what = switch (crossing.threshold().basis()) {
            case ACTUAL -> "spent";
            case FORECAST -> "is forecast to spend";
        };
        String title = policy.isPresent() ? "Budget %s crossed its hard limit (%s%%)".formatted(budget, percent)
                : "Budget %s at %s%% (%s)".formatted(budget, percent, crossing.threshold().key());
        String summary = "%s %s %s %s of its %s %s budget for %s to %s (threshold %s = %s %s).".formatted(status.budget().scope(), what, money(crossing.observed()), currency,
                status.budget().period().name().toLowerCase(java.util.Locale.ROOT), money(status.budgetAmount()), status.periodStart(), status.periodEnd().minusDays(1),
                crossing.threshold().key(), money(crossing.limit()), currency)
                + policy.map(path -> " A deny policy for the principals concerned was written to %s: review it and apply it yourself; Spendlens does not call AWS.".formatted(path))
                        .orElse("");
        List<AlertField> fields = new ArrayList<>(List.of(new AlertField("Budget", money(status.budgetAmount()) + " " + currency),
                new AlertField("Actual", money(status.actual()) + " " + currency + " (" + money(status.actualBilling()) + " " + status.billingCurrency() + ")"),
                new AlertField("Forecast at period end", money(BigDecimal.valueOf(status.forecast().mean())) + " " + currency),
                new AlertField("Threshold", crossing.threshold().key()), new AlertField("Data through", status.dataThrough().toString())));
        policy.ifPresent(path -> fields.add(new AlertField("Deny policy", path.toString())));
        Alert alert = new Alert("budget:%s:%s:%s".formatted(budget, status.periodStart(), threshold), SOURCE, budget, title, severity, summary, fields,
                status.budget().owner(), crossing.observed().subtract(crossing.limit()).max(BigDecimal.ZERO), Optional.of(percent), currency, Optional.empty(), clock.instant());
        DispatchReport report = dispatcher.submit(alert);
        String delivery = report.attempts().isEmpty() ? (report.queued() > 0 ? "queued for a digest" : "no channel")
                : report.attempts().stream().map(BudgetAlerts::describe).distinct().collect(Collectors.joining(", "));
        budgets.repository().record(new BudgetRepository.Crossed(budget, status.periodStart(), threshold, clock.instant(), crossing.observed(), status.budgetAmount(), currency,
                delivery + policy.map(path -> "; policy " + path).orElse("")));
        return new Raised(budget, status.periodStart(), threshold, severity, delivery, policy);
    }

    private Path writePolicy(BudgetStatus status) {
        StoreAccess access = budgets.access();
        Map<String, BigDecimal> spend = new LinkedHashMap<>();
        CostQuery query = new CostQuery(new TimePeriod(status.periodStart(), status.dataThrough().plusDays(1)), Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST),
                List.of(access.fields().parse("PRINCIPAL")), budgets.filter(status.budget()));
        for (ResultByTime bucket : access.engine().run(query).resultsByTime()) {
            for (CostGroup group : bucket.groups()) {
                spend.merge(group.keys().get(0), group.metrics().get(Metric.UNBLENDED_COST).amount(), BigDecimal::add);
            }
        }
        List<String> principals = spend.entrySet().stream().filter(entry -> entry.getValue().signum() > 0 && !entry.getKey().startsWith("__"))
                .map(Map.Entry::getKey).toList();
        DenyPolicy.Document document = DenyPolicy.of(status.budget().name(), principals);
        Path file = policyDirectory.resolve("deny-%s-%s.json".formatted(status.budget().name(), status.periodStart()));
        try {
            Files.createDirectories(policyDirectory);
            Files.writeString(file, JSON.writeValueAsString(document.policy()) + "\n");
            if (!document.left().isEmpty()) {
                Files.writeString(policyDirectory.resolve("deny-%s-%s.not-covered.txt".formatted(status.budget().name(), status.periodStart())),
                        "Principals over the hard limit that the policy cannot name (pseudonymised people, root):\n" + String.join("\n", document.left()) + "\n");
            }
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot write the deny policy %s: %s".formatted(file, e.getMessage()), e);
        }
        return file;
    }

    private static String describe(DeliveryAttempt attempt) {
        return attempt.channel() + " " + attempt.outcome().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
