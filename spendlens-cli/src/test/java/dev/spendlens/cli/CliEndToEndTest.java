package dev.spendlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands a user types, run end to end on a generated export: generate, ingest, report. */
class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static Map<String, String> environment;
    static CliRun ingested;

    @BeforeAll
    static void generateAndIngest() {
        environment = Map.of("SPENDLENS_STORE_PATH", folder.resolve("store/spendlens.duckdb").toString());
        CliRun generated = CliRun.of(environment, "generate", "--out", folder.resolve("export").toString(), "--months", "2", "--principals", "12",
                "--granularity", "DAILY", "--seed", "5");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        ingested = CliRun.of(environment, "ingest", folder.resolve("export").toString());
        assertThat(ingested.exitCode()).as(ingested.err()).isZero();
    }

    @Test
    void ingestShowsProgressAndASummaryWithTheRestatement() {
        assertThat(ingested.err()).contains("[1/").contains("rows/s");
        assertThat(ingested.out()).contains("Ingested").contains("Bedrock line items").contains("restated: was");
    }

    @Test
    void reportPrintsAMonthByTeamTableThatAddsUp() {
        CliRun report = CliRun.of(environment, "report", "--from", "2026-09-01", "--to", "2026-11-01", "--group-by", "team");

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("team").contains("2026-09").contains("2026-10").contains("Total").contains("__unattributed_no_caller__");
    }

    @Test
    void jsonReportHasGetCostAndUsageShapeAndCsvAgrees() throws Exception {
        CliRun json = CliRun.of(environment, "report", "--from", "2026-09-01", "--to", "2026-11-01", "--group-by", "MODEL,TOKEN_TYPE", "--format", "json");
        CliRun csv = CliRun.of(environment, "report", "--from", "2026-09-01", "--to", "2026-11-01", "--group-by", "MODEL,TOKEN_TYPE", "--format", "csv");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode body = JSON.readTree(json.out());
        assertThat(body.at("/GroupDefinitions/1/Key").asText()).isEqualTo("TOKEN_TYPE");
        BigDecimal jsonTotal = BigDecimal.ZERO;
        for (JsonNode bucket : body.get("ResultsByTime")) {
            jsonTotal = jsonTotal.add(new BigDecimal(bucket.at("/Total/UnblendedCost/Amount").asText()));
        }
        BigDecimal csvTotal = BigDecimal.ZERO;
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("start,end,MODEL,TOKEN_TYPE,UnblendedCost,unit");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            csvTotal = csvTotal.add(new BigDecimal(fields[fields.length - 2]));
        }
        assertThat(csvTotal).isEqualByComparingTo(jsonTotal).isPositive();
    }

    @Test
    void filtersPastedFromTheAwsCliWork() throws Exception {
        Path filter = folder.resolve("untagged.json");
        Files.writeString(filter, "{\"Not\": {\"Dimensions\": {\"Key\": \"team\", \"Values\": [\"__unallocated__\", \"__unattributed_no_caller__\"]}}}");
        CliRun all = CliRun.of(environment, "report", "--from", "2026-09-01", "--to", "2026-11-01", "--format", "csv");
        CliRun owned = CliRun.of(environment, "report", "--from", "2026-09-01", "--to", "2026-11-01", "--format", "csv", "--filter", "@" + filter);

        assertThat(owned.exitCode()).as(owned.err()).isZero();
        assertThat(total(owned)).isPositive().isLessThan(total(all));
    }

    @Test
    void badInputNamesTheParameterAndExitsOne() {
        CliRun badDate = CliRun.of(environment, "report", "--from", "2026-13-01", "--to", "2026-11-01");
        CliRun badKey = CliRun.of(environment, "report", "--from", "2026-09-01", "--to", "2026-11-01", "--group-by", "TEAMS");
        CliRun badFilter = CliRun.of(environment, "report", "--from", "2026-09-01", "--to", "2026-11-01", "--filter", "{\"Tags\": {}}");
        CliRun missingSource = CliRun.of(environment, "ingest", folder.resolve("nowhere").toString());
        CliRun usage = CliRun.of(environment, "report", "--from", "2026-09-01");

        assertThat(badDate.exitCode()).isEqualTo(1);
        assertThat(badDate.err()).contains("--from '2026-13-01'");
        assertThat(badKey.err()).contains("unknown dimension 'TEAMS'");
        assertThat(badFilter.err()).contains("Filter.Tags.Key");
        assertThat(missingSource.exitCode()).isEqualTo(1);
        assertThat(missingSource.err()).contains("nowhere");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--to");
    }

    private static BigDecimal total(CliRun run) {
        return run.out().lines().skip(1).map(line -> line.split(",")).map(fields -> new BigDecimal(fields[fields.length - 2])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
