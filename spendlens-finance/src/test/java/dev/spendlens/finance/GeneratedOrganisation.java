package dev.spendlens.finance;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** A generated organisation's export, and a real store to ingest it into, for tests of the finance services. */
final class GeneratedOrganisation implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    final GenerationSummary generated;
    final DuckDbStore store;
    final Path folder;

    GeneratedOrganisation(Path folder, int months, int principals, long seed) {
        this.folder = folder;
        GeneratorOptions options = new GeneratorOptions(folder.resolve("export"), months, principals, seed, ExportGranularity.DAILY, OutputFormat.PARQUET,
                OptionalLong.empty(), GeneratorOptions.ANCHOR_LAST_MONTH.minusMonths(months - 1L), "test-export", GeneratorOptions.IAM_PRINCIPAL_DATA_START);
        generated = new ExportGenerator().generate(options, ignored -> {});
        store = DuckDbStore.open(new StoreSettings(folder.resolve("store.duckdb"), "1GB", 2));
    }

    /** The final delivery of every period. */
    void ingestFinal(Allocator allocator, Clock clock) {
        ingest(generated.dataFiles(), allocator, clock);
    }

    /** Only the earlier delivery of the restated period. */
    void ingestEarlierDelivery(Allocator allocator, Clock clock) {
        try (Stream<Path> files = Files.walk(generated.earlierDeliveryRoot().orElseThrow())) {
            ingest(files.filter(path -> path.toString().endsWith(".parquet")).sorted().toList(), allocator, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The final export into another store. */
    void ingestInto(DuckDbStore other) {
        List<ExportFile> files = generated.dataFiles().stream().map(path -> new ExportFile(path, FileType.PARQUET, path.toString(), Optional.empty())).toList();
        new CurIngestor(other, allocator(), CLOCK).ingest(List.of(files), "generated", IngestProgress.silent());
    }

    void ingestFinal() {
        ingestFinal(allocator(), CLOCK);
    }

    Allocator allocator() {
        return new Allocator(AllocationPolicy.defaults());
    }

    StoreAccess access() {
        return new StoreAccess(store, allocator(), CLOCK);
    }

    YearMonth restated() {
        return generated.restatedPeriod().orElseThrow();
    }

    YearMonth lastMonth() {
        return generated.periods().get(generated.periods().size() - 1);
    }

    private void ingest(List<Path> paths, Allocator allocator, Clock clock) {
        List<ExportFile> files = paths.stream().map(path -> new ExportFile(path, FileType.PARQUET, path.toString(), Optional.empty())).toList();
        new CurIngestor(store, allocator, clock).ingest(List.of(files), "generated", IngestProgress.silent());
    }

    @Override
    public void close() {
        store.close();
    }
}
