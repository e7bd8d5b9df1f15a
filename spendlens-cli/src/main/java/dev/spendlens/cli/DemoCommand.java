package dev.spendlens.cli;

import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.GenerationSummary;
import dev.spendlens.generator.GeneratorOptions;
import dev.spendlens.jobs.AfterIngestReport;
import dev.spendlens.jobs.IngestRun;
import dev.spendlens.jobs.Jobs;
import dev.spendlens.server.SpendlensServer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens demo}: the whole job on embedded defaults, on a generated organisation. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a demo organisation's CUR 2.0 export, ingest it into the embedded store, print who spends what,",
                "then serve the dashboard and print its URL (--no-serve to stop after the report). It sends no alert and schedules nothing."})
final class DemoCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "spendlens-data/demo-export", description = "Where the demo export is written (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the demo organisation (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--months", paramLabel = "N", defaultValue = "6", description = "Billing periods to generate, ending 2026-10 (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--no-serve", description = "Stop after the report instead of serving the dashboard (for scripts).")
    boolean noServe;

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the dashboard (default: server.port, 8080; 0 for any free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address of the dashboard (default: server.bind, 127.0.0.1).")
    String bind;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintStream out = context.out();
        GeneratorOptions defaults = GeneratorOptions.defaults(out()).withMonths(months);
        GeneratorOptions options = new GeneratorOptions(defaults.out(), defaults.months(), defaults.principals(), seed, defaults.granularity(), defaults.format(),
                defaults.targetRows(), defaults.firstMonth(), defaults.exportName(), defaults.principalDataFrom());
        out.printf("1. Generating the demo organisation's CUR 2.0 export (%d months, %d principals, seed %d) in %s%n", options.months(), options.principals(),
                options.seed(), out());
        GenerationSummary generated = new ExportGenerator().generate(options, context.err()::println);
        out.printf("   %s line items, %s of them Bedrock, %s restated%n%n", Numbers.count(generated.lineItems()), Numbers.count(generated.bedrockLineItems()),
                generated.restatedPeriod().map(Object::toString).orElse("no period"));

        out.printf("2. Ingesting it into %s, then looking for anomalies and checking budgets as after every ingest%n", context.store(store).settings().path());
        // Quiet: the organisation is made up, so its alerts are kept and shown, never sent to the configured channels.
        IngestRun ingested = IngestCommand.ingest(context, store, List.of(out().toString()), Jobs.Reaction.QUIET, false);
        IngestCommand.printSummary(context, store, ingested.ingested().orElseThrow());
        AfterIngestReport after = ingested.afterIngest().orElseThrow();
        IngestCommand.printAfterIngest(context, after);
        out.println();

        TimePeriod period = new TimePeriod(generated.periods().get(0).atDay(1), generated.periods().get(generated.periods().size() - 1).plusMonths(1).atDay(1));
        FieldParser fields = ReportCommand.fieldParser(context, store);
        out.println("3. Bedrock spend by team and month");
        report(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(fields.parse("team")), Optional.empty()), 0);
        out.println();
        out.println("4. Top 10 principals (IAM users, roles, people behind federated roles, agents)");
        report(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(fields.parse("PRINCIPAL")), Optional.empty()), 10);
        out.println();
        out.println("5. Anomalies: the ones injected into the demo organisation (labels.json), as the monitors found them");
        DemoAnomalies.print(context, store, after.detection(), out().resolve("labels.json"));
        out.println();
        out.printf("Next: ./spendlens report --from %s --to %s --group-by MODEL,TOKEN_TYPE   (see ./spendlens report --help)%n", period.start(), period.end());
        out.println("      ./spendlens anomalies            (every anomaly kept; ./spendlens anomalies show ID for one, with its root cause)");
        if (noServe) {
            return 0;
        }
        out.println();
        out.println("6. Starting the dashboard and the REST API");
        try (SpendlensServer server = ServeCommand.start(context, store, port, bind, false)) {
            out.printf("%nDashboard: %s   (REST API: %sopenapi.json; Ctrl-C to stop)%n", server.url(), server.url());
            out.flush();
            ServeCommand.serveUntilStopped();
        }
        return 0;
    }

    private Path out() {
        return out;
    }

    private void report(CostQuery query, int top) {
        ReportCommand.print(context.out(), query, ReportCommand.run(context, store, query), TextFormat.table, top);
    }
}
