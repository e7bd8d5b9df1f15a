package dev.spendlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.alerts.WebhookReceiver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./spendlens ingest} reacts to new data as a user types it: anomaly detection, alerts to a
 * real webhook receiver, budget checks and a one-line summary; {@code --no-alerts} only loads.
 * On a generated export (2 months, 12 principals) named by {@code ingest.sources}.
 */
class IngestAlertsCommandTest {
    private static final Pattern SUMMARY = Pattern.compile("After ingest: anomalies (\\d+) new, (\\d+) updated \\((\\d+) recent enough to alert\\); alerts (\\d+) delivered");

    @TempDir
    static Path folder;
    static WebhookReceiver hook;
    static Map<String, String> environment;

    @BeforeAll
    static void generate() throws Exception {
        hook = new WebhookReceiver();
        Path config = folder.resolve("spendlens.yaml");
        Files.writeString(config, """
                store:
                  path: store/spendlens.duckdb
                ingest:
                  sources: [export]
                alerts:
                  channels:
                    - {name: hook, url: "%s"}
                  fallback-channels: [hook]
                anomalies:
                  alert-window-days: 366
                budgets:
                  channels: [hook]
                """.formatted(hook.url()));
        environment = Map.of("SPENDLENS_CONFIG", config.toString());
        CliRun generated = CliRun.of(environment, "generate", "--out", folder.resolve("export").toString(), "--months", "2", "--principals", "12", "--granularity",
                "DAILY", "--seed", "5");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
    }

    @AfterAll
    static void close() {
        hook.close();
    }

    @Test
    void ingestDetectsAlertsAndChecksBudgetsAndSaysSoInOneLineUnlessToldNoAlerts() {
        CliRun quiet = CliRun.of(environment, "ingest", "--no-alerts");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("Ingested").doesNotContain("After ingest");
        assertThat(CliRun.of(environment, "anomalies").out()).as("--no-alerts: nothing detected").contains("No anomalies.");
        assertThat(hook.bodies()).isEmpty();

        CliRun budget = CliRun.of(environment, "budgets", "add", "--name", "everything", "--amount", "1", "--threshold", "50%", "--owner", "finance-ai");
        assertThat(budget.exitCode()).as(budget.err()).isZero();

        CliRun first = CliRun.of(environment, "ingest");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Matcher summary = SUMMARY.matcher(first.out());
        assertThat(summary.find()).as(first.out()).isTrue();
        int created = Integer.parseInt(summary.group(1));
        int alerted = Integer.parseInt(summary.group(3));
        int delivered = Integer.parseInt(summary.group(4));
        assertThat(created).isPositive();
        assertThat(alerted).isPositive();
        assertThat(first.out()).contains("budgets crossed: 1 (everything actual:50%)").contains("owner finance-ai: hook delivered");
        assertThat(delivered).as("each alerted anomaly, and the budget").isEqualTo(alerted + 1);
        assertThat(hook.bodies()).hasSize(delivered);
        assertThat(CliRun.of(environment, "anomalies").out()).doesNotContain("No anomalies.");

        CliRun again = CliRun.of(environment, "ingest");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("After ingest: anomalies 0 new, 0 updated").contains("alerts 0 delivered").contains("budgets crossed: none");
        assertThat(hook.bodies()).as("the same data again: no alert repeated").hasSize(delivered);
    }
}
