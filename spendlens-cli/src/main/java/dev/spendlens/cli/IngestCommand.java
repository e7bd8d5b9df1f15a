package dev.spendlens.cli;

import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.alert.DeliveryAttempt;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.ingest.IngestSummary;
import dev.spendlens.duckdb.ingest.PeriodSummary;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.jobs.AfterIngestReport;
import dev.spendlens.jobs.IngestRun;
import dev.spendlens.jobs.Job;
import dev.spendlens.jobs.JobProgress;
import dev.spendlens.jobs.JobRunner;
import dev.spendlens.jobs.Jobs;
import dev.spendlens.jobs.Trigger;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./spendlens ingest SOURCE...}: loads CUR exports into the store, then reacts to the new data. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load CUR 2.0 (Parquet, gzip CSV) and legacy CUR exports into the store, then run the anomaly monitors, send their",
                "immediate alerts and check the budgets (--no-alerts: only load).",
                "SOURCE is a file, a folder or s3://bucket/prefix; none: ingest.sources of the config. A billing period delivered again replaces",
                "the earlier delivery; the whole ingest is one transaction."})
final class IngestCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "Export file, folder or s3://bucket/prefix (default: ingest.sources).")
    List<String> sources = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--verbose", description = "Also show how long each step of each delivery takes.")
    boolean verbose;

    @picocli.CommandLine.Option(names = "--no-alerts", description = "Only load: no anomaly detection, no alerts, no budget check.")
    boolean noAlerts;

    IngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        IngestRun run = ingest(context, store, sources, noAlerts ? Jobs.Reaction.NONE : Jobs.Reaction.ALERT, verbose);
        printSummary(context, store, run.ingested().orElseThrow());
        run.afterIngest().ifPresent(after -> printAfterIngest(context, after));
        return 0;
    }

    /** Ingests the sources (none: {@code ingest.sources}) as a job of the store, then reacts as told. */
    static IngestRun ingest(CliContext context, StoreOptions store, List<String> sources, Jobs.Reaction reaction, boolean verbose) {
        SpendlensConfig config = context.config(store.config());
        Jobs jobs = new Jobs(context.store(store), context.allocator(store), context.clock(), config);
        JobRunner runner = new JobRunner(jobs.log(), context.clock());
        return runner.run(Job.INGEST, Trigger.CLI, () -> jobs.ingest(sources, reaction, false, new ProgressPrinter(context.err(), verbose)), jobs::describe);
    }

    /** What followed the ingest: one line, the budgets crossed, and the delivery errors on standard error. */
    static void printAfterIngest(CliContext context, AfterIngestReport after) {
        context.out().printf("After ingest: %s%n", after.summary());
        BudgetsCommand.printRaised(context.out(), after.budgets());
        for (DeliveryAttempt attempt : after.dispatch().attempts()) {
            if (attempt.error().isPresent() && attempt.outcome() != dev.spendlens.alert.DeliveryOutcome.UNROUTED) {
                context.err().printf("  %s attempt %d %s: %s%n", attempt.channel(), attempt.attempt(), attempt.outcome(), attempt.error().get());
            }
        }
    }

    static void printSummary(CliContext context, StoreOptions store, IngestSummary summary) {
        PrintStream out = context.out();
        out.printf("Ingested %s file(s): %s line items read, %s Bedrock line items, in %.1f s (%s rows/s)%n", Numbers.count(summary.files()),
                Numbers.count(summary.rowsRead()), Numbers.count(summary.bedrockRows()), summary.took().toMillis() / 1000.0, Numbers.count(summary.rowsPerSecond()));
        // A period delivered twice in one ingest is listed twice; only its last delivery is stored.
        java.util.Map<String, BigDecimal> stored = new java.util.LinkedHashMap<>();
        for (PeriodSummary period : summary.periods()) {
            stored.put(period.payerAccountId() + "/" + period.billingPeriod(), period.unblendedCost());
            String restated = period.previousUnblendedCost()
                    .map(previous -> "  restated: was %s, change %s".formatted(Numbers.money(previous), Numbers.money(period.unblendedCost().subtract(previous))))
                    .orElse("");
            out.printf("  %s  payer %s  %-6s %14s %s  %s lines%s%n", period.billingPeriod(), period.payerAccountId(), period.granularity(),
                    Numbers.money(period.unblendedCost()), period.currency(), Numbers.count(period.lineItems()), restated);
        }
        BigDecimal total = stored.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!summary.periods().isEmpty()) {
            String currency = summary.periods().get(0).currency();
            out.printf("  Bedrock total %s %s; %s%n", Numbers.money(total), currency, unallocatedShare(context, store, summary));
        }
    }

    private static String unallocatedShare(CliContext context, StoreOptions store, IngestSummary summary) {
        List<PeriodSummary> periods = summary.periods();
        TimePeriod span = new TimePeriod(periods.stream().map(period -> period.billingPeriod().atDay(1)).min(Comparable::compareTo).orElseThrow(),
                periods.stream().map(period -> period.billingPeriod().plusMonths(1).atDay(1)).max(Comparable::compareTo).orElseThrow());
        FieldParser fields = new FieldParser(context.config(store.config()).allocationPolicy().dimensions().stream().map(dimension -> dimension.name()).toList());
        CostResult byTeam = new CostQueryEngine(context.store(store), context.clock()).run(new CostQuery(span, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST),
                List.of(fields.parse("team")), Optional.empty()));
        BigDecimal all = BigDecimal.ZERO;
        BigDecimal unallocated = BigDecimal.ZERO;
        BigDecimal noCaller = BigDecimal.ZERO;
        for (var bucket : byTeam.resultsByTime()) {
            for (CostGroup group : bucket.groups()) {
                BigDecimal amount = group.metrics().get(Metric.UNBLENDED_COST).amount();
                all = all.add(amount);
                if (group.keys().get(0).equals(ReservedBucket.UNALLOCATED.label())) {
                    unallocated = unallocated.add(amount);
                } else if (group.keys().get(0).equals(ReservedBucket.NO_CALLER.label())) {
                    noCaller = noCaller.add(amount);
                }
            }
        }
        return "team unallocated %s, no caller %s (of the stored periods' spend)".formatted(Numbers.percent(unallocated, all), Numbers.percent(noCaller, all));
    }

    /** Files, rows and rows/s, and what the sources hold, on standard error while the ingest runs. */
    private record ProgressPrinter(PrintStream err, boolean verbose) implements JobProgress {
        @Override
        public void note(String line) {
            err.println(line);
        }

        @Override
        public void stepDone(String step, Duration took) {
            if (verbose) {
                err.printf("      %s: %.2f s%n", step, took.toNanos() / 1e9);
            }
        }

        @Override
        public void filesRead(int filesDone, int fileCount, List<String> origins, long rows, long bedrockRows, Duration took) {
            double seconds = Math.max(took.toNanos() / 1e9, 1e-6);
            String which = origins.size() == 1 ? origins.get(0) : "%s ... %s".formatted(origins.get(0), origins.get(origins.size() - 1));
            err.printf("  [%d/%d files] %s: %s rows, %s Bedrock (%s rows/s)%n", filesDone, fileCount, which, Numbers.count(rows), Numbers.count(bedrockRows),
                    Numbers.count(rows / seconds));
        }

        @Override
        public void periodReplaced(PeriodSummary period) {
            err.printf("  period %s of payer %s %s%n", period.billingPeriod(), period.payerAccountId(), period.restated() ? "replaced (restated delivery)" : "stored");
        }
    }
}
