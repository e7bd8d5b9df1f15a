package dev.spendlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.duckdb.ingest.CurIngestor;
import dev.spendlens.duckdb.ingest.IngestProgress;
import dev.spendlens.export.ExportFile;
import dev.spendlens.export.FileType;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GenerationSummary;
import dev.spendlens.generator.GeneratorOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness works end to end on a small export; the figures themselves are for docs/benchmarks.md, not asserted. */
class ApiBenchmarkTest {
    @Test
    void measuresEveryQuestionOverHttpAndAgainstTheRawExport(@TempDir Path folder) {
        GenerationSummary generated = new ExportGenerator().generate(GeneratorOptions.defaults(folder.resolve("export")).withMonths(1).withPrincipals(12)
                .withGranularity(ExportGranularity.DAILY), ignored -> {});
        Allocator allocator = new Allocator(AllocationPolicy.defaults());
        List<String> progress = new ArrayList<>();
        try (DuckDbStore store = DuckDbStore.open(new StoreSettings(folder.resolve("store.duckdb"), "1GB", 2))) {
            List<ExportFile> files = generated.dataFiles().stream().map(path -> new ExportFile(path, FileType.PARQUET, path.toString(), Optional.empty())).toList();
            new CurIngestor(store, allocator, Clock.systemUTC()).ingest(List.of(files), "bench-test", IngestProgress.silent());

            ApiBenchmark.Result result = ApiBenchmark.run(store, allocator, generated.dataFiles(), new ApiBenchmark.Options(2, 1, 5, 1), progress::add);

            assertThat(result.measurements()).extracting(measurement -> measurement.question().name())
                    .containsExactly("month by team", "day by principal for one team", "top 20 principals");
            assertThat(result.measurements()).allSatisfy(measurement -> {
                assertThat(measurement.oneClient().count()).isEqualTo(5);
                assertThat(measurement.concurrent().count()).isEqualTo(5);
                assertThat(measurement.referenceRows()).isPositive();
            });
            assertThat(result.exportLineItems()).isEqualTo(generated.lineItems());
            String markdown = BenchReport.markdown(result, LocalDate.of(2026, 11, 26));
            assertThat(markdown).contains("| month by team |").contains("| top 20 principals |").contains("2 clients");
            assertThat(progress).isNotEmpty();
        }
    }

    @Test
    void percentilesAreNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        Latencies latencies = Latencies.of(nanos, 2.0);

        assertThat(latencies.p50Millis()).isEqualTo(50.0);
        assertThat(latencies.p95Millis()).isEqualTo(95.0);
        assertThat(latencies.p99Millis()).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
        assertThat(latencies.throughput()).isEqualTo(50.0);
    }
}
