package dev.spendlens.cli;

import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.duckdb.ingest.CurIngestor;
import dev.spendlens.duckdb.ingest.IngestProgress;
import dev.spendlens.export.ExportFile;
import dev.spendlens.export.FileType;
import dev.spendlens.finance.ForecastBenchmark;
import dev.spendlens.finance.StoreAccess;
import dev.spendlens.forecast.ForecastMethod;
import dev.spendlens.forecast.Forecaster;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GenerationSummary;
import dev.spendlens.generator.GeneratorOptions;
import dev.spendlens.generator.OutputFormat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./spendlens forecast-benchmark}: MASE and interval coverage of the forecaster on generated organisations. */
@Command(name = "forecast-benchmark", mixinStandardHelpOptions = true,
        description = {"Generate organisations (one per seed), ingest them, and score forecasts made at past origins against what happened:",
                "MASE of Spendlens' forecasts and of the weekly seasonal naive forecast, and the coverage of the prediction intervals."})
final class ForecastBenchmarkCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3,4,5", paramLabel = "S[,S...]", description = "Organisations to generate (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--work", paramLabel = "DIR", description = "Where exports and stores are written (default: a temporary folder).")
    Path work;

    @Option(names = "--horizon", defaultValue = "28", paramLabel = "DAYS", description = "Days forecast from each origin (default ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--origins", defaultValue = "3", paramLabel = "N", description = "Origins per series, a horizon apart, ending at the last day (default ${DEFAULT-VALUE}).")
    int origins;

    @Option(names = "--interval", defaultValue = "80", paramLabel = "LEVEL", description = "Interval level whose coverage is measured (default ${DEFAULT-VALUE}).")
    int interval;

    @Option(names = "--principals", defaultValue = "60", paramLabel = "N", description = "Principals per organisation (default ${DEFAULT-VALUE}).")
    int principals;

    @Option(names = "--methods", split = ",", paramLabel = "METHOD[,METHOD...]",
            description = "Candidate methods (default: all, chosen per series by backtest); one method scores that method alone.")
    List<ForecastMethod> methods;

    ForecastBenchmarkCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path folder = work != null ? work : Files.createTempDirectory("spendlens-forecast-benchmark");
        PrintStream out = context.out();
        out.printf("Forecast benchmark: 6 months daily per organisation, %d principals, horizon %d days, %d origins, %d%% intervals%n", principals, horizon, origins, interval);
        out.printf("%-6s %7s %10s %10s %12s %8s %10s %10s  %s%n", "seed", "series", "forecasts", "MASE", "naive MASE", "ratio", "geo ratio", "coverage", "methods chosen");
        double maseSum = 0;
        double naiveSum = 0;
        long covered = 0;
        long days = 0;
        double logRatios = 0;
        long forecasts = 0;
        for (long seed : seeds) {
            Path seedFolder = folder.resolve("seed-" + seed);
            GeneratorOptions options = GeneratorOptions.defaults(seedFolder.resolve("export")).withSeed(seed).withPrincipals(principals)
                    .withGranularity(ExportGranularity.DAILY).withFormat(OutputFormat.PARQUET);
            // A store left by an earlier run of the same seed is reused: generation is deterministic.
            boolean reuse = Files.exists(seedFolder.resolve("store.duckdb"));
            try (DuckDbStore store = DuckDbStore.open(new StoreSettings(seedFolder.resolve("store.duckdb"), "1GB", 0))) {
                Allocator allocator = new Allocator(AllocationPolicy.defaults());
                if (!reuse) {
                    GenerationSummary generated = new ExportGenerator().generate(options, ignored -> {});
                    List<ExportFile> files = generated.dataFiles().stream().map(path -> new ExportFile(path, FileType.PARQUET, path.toString(), Optional.empty())).toList();
                    new CurIngestor(store, allocator, context.clock()).ingest(List.of(files), "benchmark", IngestProgress.silent());
                }
                ForecastBenchmark.Result result = new ForecastBenchmark(new StoreAccess(store, allocator, context.clock())).run(horizon, origins, interval, 10,
                        methods == null || methods.isEmpty() ? new Forecaster() : new Forecaster(methods));
                out.printf("%-6d %7d %10d %10.3f %12.3f %8.3f %10.3f %9.1f%%  %s%n", seed, result.series(), result.forecasts(), result.mase(), result.naiveMase(),
                        result.ratio(), result.geometricRatio(), 100 * result.coverage(), result.methods());
                logRatios += result.logRatioSum();
                forecasts += result.forecasts();
                maseSum += result.mase();
                naiveSum += result.naiveMase();
                covered += result.covered();
                days += result.days();
            }
        }
        out.printf("%-6s %7s %10d %10.3f %12.3f %8.3f %10.3f %9.1f%%%n", "all", "", forecasts, maseSum / seeds.size(), naiveSum / seeds.size(), maseSum / naiveSum,
                Math.exp(logRatios / forecasts), 100.0 * covered / days);
        return 0;
    }
}
