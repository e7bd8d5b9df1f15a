package dev.spendlens.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowTargetTest {
    @TempDir
    Path out;

    @Test
    void addsSeriesToReachALargerTarget() {
        GeneratedExport export = GeneratedExport.generate(GeneratorOptions.defaults(out).withMonths(2).withPrincipals(10)
                .withGranularity(ExportGranularity.DAILY).withTargetRows(40_000));
        assertThat(export.summary().lineItems()).isBetween(36_000L, 44_000L);
        double other = export.summary().lineItems() - export.summary().bedrockLineItems();
        assertThat(other / export.summary().lineItems()).isBetween(0.12, 0.28);
    }

    @Test
    void thinsBusyHoursToReachASmallerTarget() {
        GeneratedExport export = GeneratedExport.generate(GeneratorOptions.defaults(out).withMonths(2).withPrincipals(10).withTargetRows(20_000));
        assertThat(export.summary().lineItems()).isBetween(18_000L, 22_000L);
        assertThat(export.progress()).anyMatch(line -> line.contains("hour activity scaled"));
        assertThat(export.labels().get("anomalies").size()).isEqualTo(6);
    }

    @Test
    void splitsAPeriodIntoNumberedFilesPastTheRowLimit() {
        GeneratorOptions options = GeneratorOptions.defaults(out).withMonths(1).withPrincipals(10);
        GenerationSummary summary = new ExportGenerator(4_000).generate(options, line -> {});
        List<Path> files = summary.dataFiles();
        assertThat(files.size()).isGreaterThan(2);
        for (int index = 0; index < files.size(); index++) {
            assertThat(files.get(index).getFileName().toString()).isEqualTo("spendlens-demo-%05d.snappy.parquet".formatted(index + 1));
        }
        assertThat(GeneratedExport.json(summary.manifests().get(0)).get("dataFiles")).hasSize(files.size());
        GeneratedExport export = new GeneratedExport(options, summary, List.of());
        assertThat(export.number("SELECT count(*) FROM " + export.lines())).isEqualTo((double) summary.lineItems());
    }
}
