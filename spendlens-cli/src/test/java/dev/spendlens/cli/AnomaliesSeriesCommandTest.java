package dev.spendlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./spendlens anomalies --series FILE.csv}: the detector on any date,value CSV. */
class AnomaliesSeriesCommandTest {
    @TempDir
    Path folder;

    private CliRun run(String... args) {
        return CliRun.of(Map.of("SPENDLENS_STORE_PATH", folder.resolve("unused.duckdb").toString()), args);
    }

    @Test
    void printsTheFlaggedPeriodsOfADailyCsvAsJson() throws Exception {
        StringBuilder csv = new StringBuilder("date,value\n");
        Random random = new Random(1);
        LocalDate start = LocalDate.of(2026, 1, 5);
        for (int day = 0; day < 120; day++) {
            double value = 100 * Math.exp(0.1 * random.nextGaussian()) * (day == 90 ? 5 : 1);
            csv.append(start.plusDays(day)).append(',').append(String.format(java.util.Locale.ROOT, "%.2f", value)).append('\n');
        }
        Path file = Files.writeString(folder.resolve("spend.csv"), csv);

        CliRun result = run("anomalies", "--series", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode flagged = new ObjectMapper().readTree(result.out());
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).get("start").asText()).isEqualTo("2026-04-05T00:00");
        assertThat(flagged.get(0).get("end").asText()).isEqualTo("2026-04-06T00:00");
        assertThat(flagged.get(0).get("actual").asDouble()).isGreaterThan(400);
        assertThat(flagged.get(0).get("expected").asDouble()).isBetween(80.0, 120.0);
        assertThat(flagged.get(0).get("score").asDouble()).isGreaterThan(4);
    }

    @Test
    void readsHourlyTimestampsAndFindsARunaway() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        Random random = new Random(2);
        LocalDateTime start = LocalDateTime.of(2026, 1, 5, 0, 0);
        for (int hour = 0; hour < 24 * 40; hour++) {
            LocalDateTime at = start.plusHours(hour);
            double value = (at.getHour() >= 8 && at.getHour() < 20 ? 10 : 2) * Math.exp(0.15 * random.nextGaussian());
            if (hour >= 24 * 35 + 18 && hour < 24 * 35 + 40) {
                value += 3 * Math.pow(1.25, hour - (24 * 35 + 18));
            }
            csv.append(at).append("Z,").append(String.format(java.util.Locale.ROOT, "%.3f", value)).append('\n');
        }
        Path file = Files.writeString(folder.resolve("hourly.csv"), csv);

        CliRun result = run("anomalies", "--series", file.toString(), "--granularity", "HOURLY");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode flagged = new ObjectMapper().readTree(result.out());
        assertThat(flagged).anySatisfy(anomaly -> assertThat(anomaly.get("kind").asText()).isEqualTo("RUNAWAY"));
    }

    @Test
    void refusesABadRowNamingTheFileAndLine() throws Exception {
        Path file = Files.writeString(folder.resolve("bad.csv"), "date,value\n2026-01-01,3\n2026-01-02,three\n");

        CliRun result = run("anomalies", "--series", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("bad.csv line 3: value 'three' is not a number");
    }
}
