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
import dev.spendlens.alerts.ConfiguredAlerts;
import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.alerts.Dispatcher;
import dev.spendlens.alerts.RetryPolicy;
import dev.spendlens.alerts.Route;
import dev.spendlens.alerts.Routing;
import dev.spendlens.budget.Budget;
import dev.spendlens.budget.BudgetCheck;
import dev.spendlens.config.AlertsConfig;
import dev.spendlens.config.BudgetsConfig;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.MatchOption;
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
 * the alert channels every feature shares (spendlens-alerts: webhooks and e-mail, the owner map,
 * fallback channels, retries and the delivery log). When actual spend crosses a budget's hard
 * limit, an IAM deny policy for the principals concerned is written for a person to apply, and an
 * alert carrying it is sent; Spendlens never calls AWS.
 */
public final class BudgetAlerts {
    /** The alert source routes select budget alerts by. */
    public static final String SOURCE = "budget";
    static final String HARD_LIMIT = "hard-limit";
    private static final String OWNER_DIMENSION = "team";
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

    /** Budget alerts through the configured channels: {@code budgets.channels}, and the owner's (or the fallback) channels when {@code budgets.to-owner}. */
    public static Dispatcher dispatcher(BudgetsConfig budgets, AlertsConfig alerts, DuckDbStore store, Clock clock) {
        return ConfiguredAlerts.dispatcher(alerts, routes(budgets), new DuckDbAlertLog(store), clock);
    }

    /**
     * A dispatcher that reaches no channel, whatever the configuration: every alert is kept and
     * logged {@code UNROUTED}. For the demo, whose generated organisation must not alert real people.
     */
    public static Dispatcher loggedOnly(DuckDbStore store, Clock clock) {
        Route nowhere = new Route("budgets", Set.of(SOURCE), Set.of(), Set.of(), Severity.INFO, Threshold.none(), Frequency.IMMEDIATE, List.of(), true);
        return new Dispatcher(List.of(), new Routing(List.of(nowhere), Map.of(), List.of()), new DuckDbAlertLog(store), RetryPolicy.defaults(),
                RetryPolicy.Sleeper.REAL, clock, 0.2);
    }

    /** The budget subscription as an alert route; none when it names no channel and does not go to owners (alerts are then only kept). */
    public static List<Route> routes(BudgetsConfig budgets) {
        if (budgets.channels().isEmpty() && !budgets.toOwner()) {
            return List.of();
        }
        return List.of(new Route("budgets", Set.of(SOURCE), Set.of(), Set.of(), Severity.INFO, Threshold.none(), Frequency.IMMEDIATE, budgets.channels(),
                budgets.toOwner()));
    }

    /**
     * An alert raised by a check.
     *
     * @param threshold the threshold's key, or {@code hard-limit}
     * @param owner the team it was routed to, if any
     * @param delivery what became of it: the channels' outcomes
     * @param dispatch the delivery attempts
     * @param policy the deny policy written, for a hard limit
     */
    public record Raised(String budget, LocalDate periodStart, String threshold, Severity severity, Optional<String> owner, String delivery, DispatchReport dispatch,
            Optional<Path> policy) {}

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
        Optional<String> owner = owner(status.budget(), budgets.filter(status.budget()));
        owner.ifPresent(team -> fields.add(new AlertField("Owner", team)));
        Alert alert = new Alert("budget:%s:%s:%s".formatted(budget, status.periodStart(), threshold), SOURCE, budget, title, severity, summary, fields,
                owner, crossing.observed().subtract(crossing.limit()).max(BigDecimal.ZERO), Optional.of(percent), currency, Optional.empty(), clock.instant());
        DispatchReport report = dispatcher.submit(alert);
        String delivery = report.attempts().isEmpty() ? (report.queued() > 0 ? "queued for a digest" : "no channel (kept in the alert log)")
                : report.attempts().stream().map(BudgetAlerts::describe).distinct().collect(Collectors.joining(", "));
        budgets.repository().record(new BudgetRepository.Crossed(budget, status.periodStart(), threshold, clock.instant(), crossing.observed(), status.budgetAmount(), currency,
                delivery + policy.map(path -> "; policy " + path).orElse("")));
        return new Raised(budget, status.periodStart(), threshold, severity, owner, delivery, report, policy);
    }

    /**
     * The team a budget's alerts belong to: its owner when it names one, else the one team its filter
     * selects ({@code team = X}, alone or within an And), so that a team's budget reaches the team.
     */
    static Optional<String> owner(Budget budget, Optional<Expression> filter) {
        if (budget.owner().isPresent()) {
            return budget.owner();
        }
        if (filter.isEmpty()) {
            return Optional.empty();
        }
        List<Expression> parts = filter.get() instanceof Expression.And and ? and.operands() : List.of(filter.get());
        List<String> teams = new ArrayList<>();
        for (Expression part : parts) {
            if (part instanceof Expression.Match match && match.field() instanceof Field.Allocation allocation && allocation.dimension().equals(OWNER_DIMENSION)
                    && match.values().size() == 1 && plainEquality(match)) {
                teams.add(match.values().get(0));
            }
        }
        return teams.size() == 1 ? Optional.of(teams.get(0)) : Optional.empty();
    }

    private static boolean plainEquality(Expression.Match match) {
        return match.options().stream().allMatch(option -> option == MatchOption.EQUALS || option == MatchOption.CASE_SENSITIVE || option == MatchOption.CASE_INSENSITIVE);
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
        return switch (attempt.outcome()) {
            case UNROUTED -> "no channel reaches the owner (logged unrouted)";
            case DELIVERED, FAILED, DEFERRED -> attempt.channel() + " " + attempt.outcome().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
