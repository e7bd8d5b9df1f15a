package dev.spendlens.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path other;

    @Test
    void sameOptionsWriteByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        GeneratorOptions options = GeneratorOptions.defaults(first).withMonths(2).withPrincipals(12);
        new ExportGenerator().generate(options, line -> {});
        new ExportGenerator().generate(options.withOut(second), line -> {});
        new ExportGenerator().generate(options.withOut(other).withSeed(7), line -> {});

        Map<String, byte[]> firstFiles = files(first);
        Map<String, byte[]> secondFiles = files(second);
        assertThat(firstFiles.keySet()).containsExactlyElementsOf(secondFiles.keySet()).contains("labels.json",
                "spendlens-demo/data/BILLING_PERIOD=2026-10/spendlens-demo-00001.snappy.parquet",
                "earlier-delivery/spendlens-demo/data/BILLING_PERIOD=2026-09/spendlens-demo-00001.snappy.parquet");
        firstFiles.forEach((name, bytes) -> assertThat(secondFiles.get(name)).as(name).isEqualTo(bytes));

        String data = "spendlens-demo/data/BILLING_PERIOD=2026-10/spendlens-demo-00001.snappy.parquet";
        assertThat(files(other).get(data)).isNotEqualTo(firstFiles.get(data));
        assertThat(files(other).get("labels.json")).isNotEqualTo(firstFiles.get("labels.json"));
    }

    @Test
    void filesOfSeveralRowGroupsWrittenInParallelAreByteIdenticalToo() throws IOException {
        GeneratorOptions options = GeneratorOptions.defaults(first).withMonths(1).withTargetRows(300_000);
        new ExportGenerator().generate(options, line -> {});
        new ExportGenerator().generate(options.withOut(second), line -> {});
        String data = "spendlens-demo/data/BILLING_PERIOD=2026-10/spendlens-demo-00001.snappy.parquet";
        assertThat(Files.size(first.resolve(data))).isGreaterThan(10_000_000L);
        assertThat(Files.readAllBytes(second.resolve(data))).isEqualTo(Files.readAllBytes(first.resolve(data)));
    }

    @Test
    void gzipCsvIsByteIdenticalToo() throws IOException {
        GeneratorOptions options = GeneratorOptions.defaults(first).withMonths(2).withPrincipals(10).withGranularity(ExportGranularity.DAILY)
                .withFormat(OutputFormat.CSV);
        new ExportGenerator().generate(options, line -> {});
        new ExportGenerator().generate(options.withOut(second), line -> {});
        Map<String, byte[]> secondFiles = files(second);
        assertThat(files(first)).allSatisfy((name, bytes) -> assertThat(secondFiles.get(name)).as(name).isEqualTo(bytes))
                .containsKey("spendlens-demo/data/BILLING_PERIOD=2026-10/spendlens-demo-00001.csv.gz");
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }
}
