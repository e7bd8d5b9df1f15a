package dev.spendlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finance commands as a user types them, on a generated export (3 months, 12 principals). */
class FinanceCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static Map<String, String> environment;

    @BeforeAll
    static void generateAndIngest() {
        environment = Map.of("SPENDLENS_STORE_PATH", folder.resolve("store/spendlens.duckdb").toString());
        assertThat(CliRun.of(environment, "generate", "--out", folder.resolve("export").toString(), "--months", "3", "--principals", "12", "--granularity", "DAILY",
                "--seed", "21").exitCode()).isZero();
        assertThat(CliRun.of(environment, "ingest", folder.resolve("export").toString()).exitCode()).isZero();
    }

    @Test
    void forecastsAnyDateValueSeriesAsJson() throws Exception {
        StringBuilder csv = new StringBuilder("date,value\n");
        for (int day = 0; day < 84; day++) {
            csv.append(LocalDate.of(2025, 1, 6).plusDays(day)).append(',').append(day % 7 >= 5 ? 20 + day * 0.1 : 100 + day * 0.5).append('\n');
        }
        Path series = folder.resolve("series.csv");
        Files.writeString(series, csv);

        CliRun run = CliRun.of(environment, "forecast", "--series", series.toString(), "--horizon", "14", "--interval", "80", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode points = JSON.readTree(run.out());
        assertThat(points).hasSize(14);
        assertThat(points.get(0).get("date").asText()).isEqualTo("2025-03-31");
        assertThat(points).allSatisfy(point -> {
            assertThat(point.get("lower").asDouble()).isLessThanOrEqualTo(point.get("mean").asDouble());
            assertThat(point.get("upper").asDouble()).isGreaterThanOrEqualTo(point.get("mean").asDouble());
        });
    }

    @Test
    void aSeriesWithAMissingDayIsRefusedNamingTheLine() throws Exception {
        Path series = folder.resolve("gap.csv");
        Files.writeString(series, "2025-01-01,1\n2025-01-02,2\n2025-01-04,3\n");

        CliRun run = CliRun.of(environment, "forecast", "--series", series.toString(), "--horizon", "3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("line 3").contains("2025-01-03");
    }

    @Test
    void forecastShowsEveryTeamAndProjectionsWithDrivers() {
        CliRun run = CliRun.of(environment, "forecast", "--group-by", "team", "--horizon", "14", "--as-of", "2026-10-14");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("data through 2026-10-14").contains("month end").contains("quarter from 2026-10-01").contains("grows:");
    }

    @Test
    void chargebackWritesASpreadsheetAndClosesTheMonth() {
        Path xlsx = folder.resolve("statement.xlsx");

        CliRun written = CliRun.of(environment, "chargeback", "--month", "2026-09", "--format", "xlsx", "--out", xlsx.toString());
        CliRun closed = CliRun.of(environment, "chargeback", "--month", "2026-09", "--close");
        CliRun again = CliRun.of(environment, "chargeback", "--month", "2026-09", "--close");
        CliRun table = CliRun.of(environment, "chargeback", "--month", "2026-09");

        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(xlsx).exists();
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already closed");
        assertThat(table.out()).contains("CLOSED").contains("Reconciliation").contains("charged this month");
    }

    @Test
    void governanceAndBudgetsRunFromTheCommandLine() {
        CliRun governance = CliRun.of(environment, "governance");
        CliRun added = CliRun.of(environment, "budgets", "add", "--name", "search", "--dimension", "team=search", "--amount", "10", "--threshold", "80%");
        CliRun status = CliRun.of(environment, "budgets", "--as-of", "2026-10-20");
        CliRun burnDown = CliRun.of(environment, "budgets", "burn-down", "search", "--as-of", "2026-10-20", "--format", "csv");
        CliRun bad = CliRun.of(environment, "budgets", "add", "--name", "x", "--amount", "10", "--threshold", "eighty");

        assertThat(governance.exitCode()).as(governance.err()).isZero();
        assertThat(governance.out()).contains("Principals with spend and no team").contains("->");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(status.out()).contains("search").contains("2026-10-01");
        assertThat(burnDown.out().lines()).hasSize(32).first().asString().startsWith("date,actual,ideal");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("threshold 'eighty'");
    }

    @Test
    void anOutputFormatACommandDoesNotOfferIsRefusedNamingTheOptionAndTheChoices() {
        for (String[] args : new String[][] {{"governance", "--format", "csv"}, {"budgets", "list", "--format", "xml"}, {"budgets", "status", "--format", "csv"},
                {"anomalies", "--format", "yaml"}, {"anomalies", "show", "an-0", "--format", "text"}}) {
            CliRun run = CliRun.of(environment, args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).contains("--format").contains("[table, json]");
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
        }
        CliRun burnDown = CliRun.of(environment, "budgets", "burn-down", "any", "--format", "xlsx");
        assertThat(burnDown.exitCode()).isEqualTo(2);
        assertThat(burnDown.err()).contains("--format").contains("[table, csv, json]");
    }
}
