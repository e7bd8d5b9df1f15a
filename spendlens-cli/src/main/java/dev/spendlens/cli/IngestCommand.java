package dev.spendlens.cli;

import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.config.IngestConfig;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.ingest.CurIngestor;
import dev.spendlens.duckdb.ingest.IngestProgress;
import dev.spendlens.duckdb.ingest.IngestSummary;
import dev.spendlens.duckdb.ingest.PeriodSummary;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.export.ExportFile;
import dev.spendlens.sources.Delivery;
import dev.spendlens.sources.ExportSources;
import dev.spendlens.sources.SourceSettings;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./spendlens ingest SOURCE...}: loads CUR exports into the store. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load CUR 2.0 (Parquet, gzip CSV) and legacy CUR exports into the store.",
                "SOURCE is a file, a folder or s3://bucket/prefix. A billing period delivered again replaces the earlier delivery; the whole ingest is one transaction."})
final class IngestCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Export file, folder or s3://bucket/prefix.")
    List<String> sources;

    @picocli.CommandLine.Option(names = "--verbose", description = "Also show how long each step of each delivery takes.")
    boolean verbose;

    IngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        IngestSummary summary = ingest(context, store, sources, verbose);
        printSummary(context, store, summary);
        return 0;
    }

    static IngestSummary ingest(CliContext context, StoreOptions store, List<String> sources, boolean verbose) {
        SpendlensConfig config = context.config(store.config());
        PrintStream err = context.err();
        try (ExportSources exportSources = new ExportSources(sourceSettings(config.ingest()))) {
            List<Delivery> deliveries = exportSources.resolve(sources, err::println);
            for (Delivery delivery : deliveries) {
                if (!delivery.ignoredFiles().isEmpty()) {
                    err.printf("note: %s: %d file(s) not in the delivery's manifest were ignored: %s%n", delivery.origin(), delivery.ignoredFiles().size(),
                            String.join(", ", delivery.ignoredFiles()));
                }
            }
            List<List<ExportFile>> batches = deliveries.stream().map(Delivery::files).toList();
            DuckDbStore duck = context.store(store);
            err.printf("ingesting %d file(s) in %d deliver%s into %s%n", batches.stream().mapToInt(List::size).sum(), batches.size(),
                    batches.size() == 1 ? "y" : "ies", duck.settings().path());
            return new CurIngestor(duck, context.allocator(store), context.clock()).ingest(batches, String.join(" ", sources), new ProgressPrinter(err, verbose));
        }
    }

    static SourceSettings sourceSettings(IngestConfig ingest) {
        return new SourceSettings(ingest.s3().region(), ingest.s3().endpoint(), ingest.s3().pathStyle(), ingest.downloadDirectory());
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

    /** Files, rows and rows/s on standard error while the ingest runs. */
    private record ProgressPrinter(PrintStream err, boolean verbose) implements IngestProgress {
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
