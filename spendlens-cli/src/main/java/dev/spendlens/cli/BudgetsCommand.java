package dev.spendlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.budget.Budget;
import dev.spendlens.budget.BudgetPeriod;
import dev.spendlens.budget.BudgetThreshold;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.BudgetAlerts;
import dev.spendlens.finance.BudgetJson;
import dev.spendlens.finance.BudgetService;
import dev.spendlens.finance.BudgetStatus;
import dev.spendlens.finance.FinanceSettings;
import dev.spendlens.finance.StoreAccess;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./spendlens budgets}: budgets per team, principal, tag or filter; their status, burn-down and alerts. */
@Command(name = "budgets", mixinStandardHelpOptions = true,
        description = {"Budgets on any allocation dimension, principal, tag or filter; monthly, quarterly or annual; fixed or planned per month; in",
                "your currency. Without a subcommand: the status of every budget."},
        subcommands = {BudgetsCommand.ListBudgets.class, BudgetsCommand.Add.class, BudgetsCommand.Remove.class, BudgetsCommand.Status.class,
                BudgetsCommand.BurnDown.class, BudgetsCommand.Check.class})
final class BudgetsCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--as-of", paramLabel = "DATE", description = "Judge the budgets as if the data ended on this day.")
    LocalDate asOf;

    BudgetsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BudgetService service = service(context, store);
        List<BudgetStatus> statuses = service.statuses(Optional.ofNullable(asOf));
        printStatuses(context.out(), statuses);
        return 0;
    }

    static BudgetService service(CliContext context, StoreOptions store) {
        FinanceSettings settings = context.finance(store);
        return new BudgetService(context.access(store), settings.rates());
    }

    static void printStatuses(PrintStream out, List<BudgetStatus> statuses) {
        if (statuses.isEmpty()) {
            out.println("No budgets yet. Add one: ./spendlens budgets add --name ds-monthly --dimension team=data-science --amount 5000 --threshold 80% --threshold forecast:100%");
            return;
        }
        out.printf("%-24s %-30s %-9s %-10s %14s %14s %7s %14s  %s%n", "budget", "scope", "period", "from", "budget", "actual", "used", "forecast", "crossed");
        for (BudgetStatus status : statuses) {
            Budget budget = status.budget();
            String used = Numbers.percent(status.actual(), status.budgetAmount());
            String crossed = String.join(", ", status.crossings().stream().map(crossing -> crossing.threshold().key()).toList())
                    + status.hardLimit().map(limit -> " HARD LIMIT " + limit.threshold().key()).orElse("");
            out.printf("%-24s %-30s %-9s %-10s %14s %14s %7s %14s  %s%n", budget.name(), shorten(budget.scope(), 30), budget.period().name().toLowerCase(java.util.Locale.ROOT),
                    status.periodStart(), Numbers.money(status.budgetAmount()) + " " + budget.currency(), Numbers.money(status.actual()), used,
                    Numbers.money(BigDecimal.valueOf(status.forecast().mean())), crossed.isBlank() ? "-" : crossed);
        }
        out.printf("%nData through %s. Amounts in each budget's currency; forecasts are means of 80%% intervals.%n", statuses.get(0).dataThrough());
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    /** {@code budgets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the budgets and their definitions.")
    static final class ListBudgets implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
        ListFormat format;

        ListBudgets(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            List<Budget> budgets = service(context, store).list();
            if (format == ListFormat.json) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                budgets.forEach(budget -> array.add(BudgetJson.write(budget)));
                context.out().println(JSON.writeValueAsString(array));
                return 0;
            }
            for (Budget budget : budgets) {
                context.out().printf("%-24s %-9s %12s %s  scope: %s  thresholds: %s%s%s%s%n", budget.name(), budget.period().name().toLowerCase(java.util.Locale.ROOT),
                        Numbers.money(budget.amount()), budget.currency(), budget.scope(), String.join(", ", budget.thresholds().stream().map(BudgetThreshold::key).toList()),
                        budget.hardLimit().map(limit -> "  hard limit: " + limit.key()).orElse(""), budget.planned().isEmpty() ? "" : "  planned: " + budget.planned(),
                        budget.owner().map(owner -> "  owner: " + owner).orElse(""));
            }
            if (budgets.isEmpty()) {
                context.out().println("No budgets yet (./spendlens budgets add --help).");
            }
            return 0;
        }
    }

    /** {@code budgets add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Add a budget (or --replace one). The scope is the And of every --dimension, --principal,",
            "--tag and --filter given; none means all Bedrock spend."})
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--name", required = true, description = "Lower case letters, digits and dashes.")
        String name;

        @Option(names = "--dimension", paramLabel = "KEY=VALUE", description = "An allocation dimension's value, e.g. team=data-science or cost-center=41020.")
        List<String> dimensions = new ArrayList<>();

        @Option(names = "--principal", paramLabel = "ARN", description = "A principal as reports show it.")
        List<String> principals = new ArrayList<>();

        @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag of the CUR tags map, e.g. iamPrincipal/project=churn.")
        List<String> tags = new ArrayList<>();

        @Option(names = "--filter", paramLabel = "JSON", description = "Any Cost Explorer filter Expression.")
        String filter;

        @Option(names = "--period", defaultValue = "MONTHLY", description = "MONTHLY, QUARTERLY or ANNUAL (default ${DEFAULT-VALUE}).")
        String period;

        @Option(names = "--amount", paramLabel = "AMOUNT", description = "The amount per period.")
        BigDecimal amount;

        @Option(names = "--planned", split = ",", paramLabel = "YYYY-MM=AMOUNT", description = "Planned amounts per month, e.g. 2026-10=4000,2026-11=4500.")
        List<String> planned = new ArrayList<>();

        @Option(names = "--currency", paramLabel = "CODE", description = "The budget's currency (default: currency.display, else the billing currency).")
        String currency;

        @Option(names = "--threshold", paramLabel = "T", description = "Alert when crossed: 80%%, forecast:100%%, 4500 or actual:4500. Repeatable.")
        List<String> thresholds = new ArrayList<>();

        @Option(names = "--hard-limit", paramLabel = "T", description = "When actual spend crosses it (e.g. 120%%), write an IAM deny policy for the principals concerned and alert the budget's channels.")
        String hardLimit;

        @Option(names = "--owner", paramLabel = "TEAM", description = "The team its alerts go to (alerts.owners); default: the team of --dimension team=X.")
        String owner;

        @Option(names = "--replace", description = "Replace a budget of the same name.")
        boolean replace;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("Name", name);
            List<ObjectNode> parts = new ArrayList<>();
            List<String> scope = new ArrayList<>();
            for (String pair : dimensions) {
                String[] keyValue = split(pair, "--dimension");
                parts.add(match("Dimensions", keyValue[0], keyValue[1]));
                scope.add(keyValue[0] + " = " + keyValue[1]);
            }
            for (String principal : principals) {
                parts.add(match("Dimensions", "PRINCIPAL", principal));
                scope.add("principal " + principal);
            }
            for (String pair : tags) {
                String[] keyValue = split(pair, "--tag");
                parts.add(match("Tags", keyValue[0], keyValue[1]));
                scope.add("tag " + keyValue[0] + " = " + keyValue[1]);
            }
            if (filter != null && !filter.isBlank()) {
                parts.add((ObjectNode) JSON.readTree(filter));
                scope.add("filter " + filter.strip());
            }
            if (parts.size() == 1) {
                body.set("Filter", parts.get(0));
            } else if (parts.size() > 1) {
                ArrayNode and = body.putObject("Filter").putArray("And");
                parts.forEach(and::add);
            }
            body.put("Scope", scope.isEmpty() ? "all Bedrock spend" : String.join(" and ", scope));
            body.put("Period", BudgetPeriod.parse(period).name());
            if (amount != null) {
                body.put("Amount", amount.toPlainString());
            }
            if (!planned.isEmpty()) {
                ObjectNode plan = body.putObject("Planned");
                for (String pair : planned) {
                    String[] monthAmount = split(pair, "--planned");
                    plan.put(monthAmount[0], monthAmount[1]);
                }
            }
            FinanceSettings settings = context.finance(store);
            StoreAccess access = context.access(store);
            String chosen = currency != null ? currency.toUpperCase(java.util.Locale.ROOT) : settings.displayCurrency().orElse(access.engine().currency());
            body.put("Currency", chosen);
            ArrayNode list = body.putArray("Thresholds");
            thresholds.forEach(list::add);
            if (hardLimit != null) {
                body.put("HardLimit", hardLimit);
            }
            if (owner != null) {
                body.put("Owner", owner);
            }
            BudgetService service = new BudgetService(access, settings.rates());
            Budget budget = service.save(BudgetJson.parse(body, chosen), replace);
            context.out().printf("budget %s saved: %s %s %s for %s%n", budget.name(), budget.period().name().toLowerCase(java.util.Locale.ROOT),
                    Numbers.money(budget.amount()), budget.currency(), budget.scope());
            return 0;
        }

        private static ObjectNode match(String kind, String key, String value) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ObjectNode inner = node.putObject(kind);
            inner.put("Key", key);
            inner.putArray("Values").add(value);
            return node;
        }

        private static String[] split(String pair, String option) {
            int equals = pair.lastIndexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s '%s' must be KEY=VALUE".formatted(option, pair));
            }
            String key = pair.substring(0, equals).strip();
            if (option.equals("--planned")) {
                try {
                    YearMonth.parse(key);
                } catch (DateTimeParseException e) {
                    throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--planned '%s': the month must be like 2026-10".formatted(pair));
                }
            }
            return new String[] {key, pair.substring(equals + 1).strip()};
        }
    }

    /** {@code budgets remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a budget.")
    static final class Remove implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "NAME")
        String name;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (!service(context, store).delete(name)) {
                throw new SpendlensException(ErrorCode.NOT_FOUND, "no budget named '%s' (./spendlens budgets list)".formatted(name));
            }
            context.out().printf("budget %s removed%n", name);
            return 0;
        }
    }

    /** {@code budgets status [NAME]}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Where each budget (or one) stands in its current period.")
    static final class Status implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(arity = "0..1", paramLabel = "NAME")
        String name;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Judge as if the data ended on this day.")
        LocalDate asOf;

        @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
        ListFormat format;

        Status(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            BudgetService service = service(context, store);
            List<BudgetStatus> statuses = name == null ? service.statuses(Optional.ofNullable(asOf)) : List.of(service.status(service.get(name), Optional.ofNullable(asOf)));
            if (format == ListFormat.json) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                statuses.forEach(status -> array.add(BudgetJson.write(status, false)));
                context.out().println(JSON.writeValueAsString(array));
            } else {
                printStatuses(context.out(), statuses);
            }
            return 0;
        }
    }

    /** {@code budgets burn-down NAME}. */
    @Command(name = "burn-down", mixinStandardHelpOptions = true, description = "A budget's period day by day: spent so far, the even pace, and the forecast after the data.")
    static final class BurnDown implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Judge as if the data ended on this day.")
        LocalDate asOf;

        @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
        TextFormat format;

        BurnDown(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            BudgetService service = service(context, store);
            BudgetStatus status = service.status(service.get(name), Optional.ofNullable(asOf));
            PrintStream out = context.out();
            if (format == TextFormat.json) {
                out.println(JSON.writeValueAsString(BudgetJson.write(status, true)));
                return 0;
            }
            boolean csv = format == TextFormat.csv;
            String currency = status.budget().currency();
            if (csv) {
                out.println("date,actual,ideal,remaining,forecast_mean,forecast_lower,forecast_upper,currency");
            } else {
                out.printf("Budget %s, %s to %s: %s %s; data through %s%n%n%-12s %14s %14s %14s %30s%n", name, status.periodStart(), status.periodEnd().minusDays(1),
                        Numbers.money(status.budgetAmount()), currency, status.dataThrough(), "date", "spent", "even pace", "remaining", "forecast [80% interval]");
            }
            for (BudgetStatus.BurnDownPoint point : status.burnDown()) {
                String actual = point.actual().map(Numbers::money).orElse("");
                String remaining = point.actual().map(value -> Numbers.money(status.budgetAmount().subtract(value))).orElse("");
                String forecast = point.forecast().map(value -> csv ? "%.2f,%.2f,%.2f".formatted(value.mean(), value.lower(), value.upper())
                        : "%s [%s, %s]".formatted(Numbers.money(BigDecimal.valueOf(value.mean())), Numbers.money(BigDecimal.valueOf(value.lower())),
                                Numbers.money(BigDecimal.valueOf(value.upper())))).orElse(csv ? ",," : "");
                if (csv) {
                    out.printf("%s,%s,%s,%s,%s,%s%n", point.date(), actual.replace(",", ""), point.ideal().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                            remaining.replace(",", ""), forecast, currency);
                } else {
                    out.printf("%-12s %14s %14s %14s %30s%n", point.date(), actual, Numbers.money(point.ideal()), remaining, forecast);
                }
            }
            return 0;
        }
    }

    /** {@code budgets check}: raise the alerts of thresholds crossed since the last check. */
    @Command(name = "check", mixinStandardHelpOptions = true, description = {"Raise an alert, once per period, for every threshold crossed, through the alert channels",
            "(budgets.channels, and the owner's channels of alerts.owners); write an IAM deny policy when a hard limit is crossed.",
            "ingest runs it after every ingest; run it by hand to judge --as-of another day."})
    static final class Check implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--as-of", paramLabel = "DATE", description = "Judge as if the data ended on this day.")
        LocalDate asOf;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            FinanceSettings settings = context.finance(store);
            BudgetService service = new BudgetService(context.access(store), settings.rates());
            BudgetAlerts alerts = new BudgetAlerts(service, BudgetAlerts.dispatcher(settings.budgets(), context.config(store.config()).alerts(), context.store(store),
                    context.clock()), settings.budgets().policyDirectory(), context.clock());
            List<BudgetAlerts.Raised> raised = alerts.check(Optional.ofNullable(asOf));
            printRaised(context.out(), raised);
            context.out().printf("%d new alert(s)%n", raised.size());
            return 0;
        }
    }

    /** One line per alert raised: budget, period, threshold, severity, owner and what became of it. */
    static void printRaised(PrintStream out, List<BudgetAlerts.Raised> raised) {
        for (BudgetAlerts.Raised alert : raised) {
            out.printf("  %-24s %s %-16s %-8s %s%s%s%n", alert.budget(), alert.periodStart(), alert.threshold(), alert.severity(),
                    alert.owner().map(owner -> "owner " + owner + ": ").orElse(""), alert.delivery(),
                    alert.policy().map(path -> "  deny policy written: " + path).orElse(""));
        }
    }
}
