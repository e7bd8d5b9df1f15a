package dev.spendlens.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daily gzip CSV export of two months. */
class CsvExportTest {
    @TempDir
    static Path out;
    static GeneratedExport export;

    @BeforeAll
    static void generate() {
        export = GeneratedExport.generate(GeneratorOptions.defaults(out).withMonths(2).withPrincipals(10)
                .withGranularity(ExportGranularity.DAILY).withFormat(OutputFormat.CSV));
    }

    @Test
    void writesGzipCsvWithAHeaderOfThe116Columns() throws IOException {
        Path file = out.resolve("spendlens-demo/data/BILLING_PERIOD=2026-10/spendlens-demo-00001.csv.gz");
        assertThat(file).isRegularFile();
        byte[] magic = new byte[2];
        try (InputStream input = Files.newInputStream(file)) {
            assertThat(input.read(magic)).isEqualTo(2);
        }
        assertThat(magic).containsExactly(0x1f, 0x8b);
        try (BufferedReader reader = reader(file)) {
            assertThat(reader.readLine()).isEqualTo(CurSchema.COLUMNS.stream().map(CurColumn::name).collect(Collectors.joining(",")));
        }
        assertThat(export.number("SELECT count(*) FROM " + export.lines())).isEqualTo((double) export.summary().lineItems());
    }

    @Test
    void writesMapsAsJsonObjectsAndTimesAsIsoInstants() throws IOException {
        List<List<Object>> lines = export.query("SELECT tags, product, line_item_usage_start_date, identity_time_interval, line_item_unblended_cost"
                + " FROM " + export.lines() + " WHERE line_item_iam_principal LIKE 'arn:aws:%' LIMIT 50");
        assertThat(lines).hasSize(50);
        ObjectMapper json = new ObjectMapper();
        for (List<Object> line : lines) {
            JsonNode tags = json.readTree((String) line.get(0));
            assertThat(tags.isObject()).isTrue();
            assertThat(tags.has("accountTag/env")).isTrue();
            assertThat(json.readTree((String) line.get(1)).has("product_name")).isTrue();
            assertThat((String) line.get(2)).matches("2026-\\d\\d-\\d\\dT00:00:00Z");
            assertThat((String) line.get(3)).matches("2026-\\d\\d-\\d\\dT00:00:00Z/2026-\\d\\d-\\d\\dT00:00:00Z");
            assertThat((String) line.get(4)).matches("-?\\d+\\.\\d{10}");
        }
    }

    @Test
    void manifestSaysDailyCsv() {
        JsonNode manifest = GeneratedExport.json(export.summary().manifests().get(0));
        assertThat(manifest.get("tableConfigurations").get("COST_AND_USAGE_REPORT").get("TIME_GRANULARITY").asText()).isEqualTo("DAILY");
        assertThat(manifest.get("dataFileFormat").asText()).isEqualTo("TEXT_OR_CSV");
        assertThat(manifest.get("dataFiles").get(0).asText()).endsWith("/spendlens-demo-00001.csv.gz");
        assertThat(export.labels().get("anomalies").get(0).get("start").has("hour")).isFalse();
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
    }
}
