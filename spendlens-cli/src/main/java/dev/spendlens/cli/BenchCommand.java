package dev.spendlens.cli;

import dev.spendlens.bench.ApiBenchmark;
import dev.spendlens.bench.BenchReport;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GenerationSummary;
import dev.spendlens.generator.GeneratorOptions;
import dev.spendlens.jobs.Jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./spendlens bench}: the API latency benchmark. Generates the export and ingests it on
 * first use (both kept in --data for the next run), then measures and prints a Markdown section.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the REST API's latency (p50/p95, one client and concurrent clients, over HTTP on loopback) on typical questions,",
                "and the same questions in DuckDB SQL over the raw export. Generates and ingests the data into --data on first use."})
final class BenchCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "spendlens-data/bench", description = "Holds export/ and store.duckdb, reused by later runs (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--months", paramLabel = "N", defaultValue = "12", description = "Billing periods to generate when export/ is missing (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "10000000", description = "Line items to generate when export/ is missing (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "4", description = "Concurrent HTTP clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "200", description = "Measured requests per question and load (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20", description = "Warm-up requests per question (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--reference-runs", paramLabel = "N", defaultValue = "10", description = "Runs of each raw-SQL reference query (default ${DEFAULT-VALUE}).")
    int referenceRuns;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path export = data.resolve("export");
        StoreOptions store = new StoreOptions();
        store.database = data.resolve("store.duckdb");
        if (!Files.isDirectory(export)) {
            context.err().printf("Generating %d months, about %,d line items, into %s (once; later runs reuse it)%n", months, rows, export);
            GeneratorOptions options = GeneratorOptions.defaults(export).withMonths(months).withTargetRows(rows).withGranularity(ExportGranularity.DAILY);
            GenerationSummary generated = new ExportGenerator().generate(options, context.err()::println);
            context.err().printf("Generated %,d line items in %.0f s%n", generated.lineItems(), generated.elapsed().toMillis() / 1000.0);
        }
        if (!Files.exists(store.database)) {
            context.err().printf("Ingesting %s into %s (once; later runs reuse it)%n", export, store.database);
            IngestCommand.ingest(context, store, List.of(export.toString()), Jobs.Reaction.NONE, false);
        }
        ApiBenchmark.Options options = new ApiBenchmark.Options(clients, warmup, requests, referenceRuns);
        ApiBenchmark.Result result = ApiBenchmark.run(context.store(store), context.allocator(store), dataFiles(export), options, context.err()::println);
        context.out().print(BenchReport.markdown(result, LocalDate.now(context.clock())));
        return 0;
    }

    /** The final delivery's Parquet files: the earlier delivery of a restated period is left out, as the store leaves it out. */
    private static List<Path> dataFiles(Path export) {
        try (Stream<Path> files = Files.walk(export)) {
            List<Path> parquet = files.filter(path -> path.toString().endsWith(".parquet"))
                    .filter(path -> !export.relativize(path).toString().startsWith("earlier-delivery"))
                    .sorted().toList();
            if (parquet.isEmpty()) {
                throw new SpendlensException(ErrorCode.SOURCE_NOT_FOUND, "no Parquet data file under %s: delete the folder to generate it again".formatted(export));
            }
            return parquet;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
