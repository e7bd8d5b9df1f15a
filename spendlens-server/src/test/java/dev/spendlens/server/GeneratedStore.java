package dev.spendlens.server;

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
import dev.spendlens.generator.OutputFormat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A store holding a small generated organisation, for tests that need realistic data through real parts. */
final class GeneratedStore implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    final DuckDbStore store;
    final Allocator allocator = new Allocator(AllocationPolicy.defaults());
    final GenerationSummary generated;

    GeneratedStore(Path folder, int months) {
        GeneratorOptions options = new GeneratorOptions(folder.resolve("export"), months, 12, 7, ExportGranularity.DAILY, OutputFormat.PARQUET,
                OptionalLong.empty(), GeneratorOptions.ANCHOR_LAST_MONTH.minusMonths(months - 1L), "test-export", GeneratorOptions.IAM_PRINCIPAL_DATA_START);
        generated = new ExportGenerator().generate(options, ignored -> {});
        store = DuckDbStore.open(new StoreSettings(folder.resolve("store.duckdb"), "1GB", 2));
        List<ExportFile> files = generated.dataFiles().stream().map(path -> new ExportFile(path, FileType.PARQUET, path.toString(), Optional.empty())).toList();
        new CurIngestor(store, allocator, CLOCK).ingest(List.of(files), "generated", IngestProgress.silent());
    }

    YearMonth lastMonth() {
        return generated.periods().get(generated.periods().size() - 1);
    }

    ServerContext context() {
        return new ServerContext(store, allocator, CLOCK);
    }

    @Override
    public void close() {
        store.close();
    }
}
