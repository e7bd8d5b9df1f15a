package dev.spendlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.alerts.WebhookReceiver;
import dev.spendlens.config.ConfigLoader;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.finance.FinanceSettings;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GeneratorOptions;
import dev.spendlens.generator.OutputFormat;
import dev.spendlens.jobs.Jobs;
import dev.spendlens.jobs.Schedule;
import dev.spendlens.jobs.Scheduler;
import dev.spendlens.jobs.testing.Await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running server (ephemeral port) whose scheduler ingests {@code ingest.sources} every second,
 * looking every 100 ms: the export is not there at first (the failure is shown with its code and
 * retried), then a generated export (2 months, 12 principals) appears; the scheduler ingests it,
 * detects anomalies and posts them to a webhook receiver, and a budget's alert goes to its owner's.
 */
class ScheduledIngestTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    @Test
    void aScheduledIngestPicksUpAGeneratedExportDetectsAndDeliversAndShowsItsStateInHealthAndMetrics() throws Exception {
        Path export = folder.resolve("export");
        try (WebhookReceiver anomalies = new WebhookReceiver(); WebhookReceiver finance = new WebhookReceiver()) {
            Path configFile = folder.resolve("spendlens.yaml");
            Files.writeString(configFile, """
                    ingest:
                      sources: [export]
                      every: 1s
                    alerts:
                      channels:
                        - {name: anomaly-hook, url: "%s"}
                        - {name: finance-hook, url: "%s"}
                      owners: {finance-ai: finance-hook}
                      fallback-channels: [anomaly-hook]
                    anomalies:
                      alert-window-days: 366
                    budgets:
                      to-owner: true
                    """.formatted(anomalies.url(), finance.url()));
            SpendlensConfig config = ConfigLoader.load(Optional.of(configFile), Map.of());
            try (DuckDbStore store = DuckDbStore.open(StoreSettings.at(folder.resolve("store.duckdb")))) {
                Clock clock = Clock.systemUTC();
                Scheduler scheduler = new Scheduler(new Jobs(store, config.allocator(), clock, config), Schedule.of(config), Duration.ofMillis(100));
                ServerContext context = new ServerContext(store, config.allocator(), clock, FinanceSettings.of(config), config, scheduler);
                try (SpendlensServer server = SpendlensServer.start(ServerSettings.loopback(0), context)) {
                    HttpResponse<String> budget = SharedServer.send(server, "POST", "/api/v1/budgets", """
                            {"Name": "everything", "Scope": "all Bedrock spend", "Period": "MONTHLY", "Amount": "1", "Currency": "USD",
                             "Thresholds": ["50%"], "Owner": "finance-ai"}""");
                    assertThat(budget.statusCode()).as(budget.body()).isEqualTo(201);

                    await("the first scheduled ingest fails: no export yet", () -> ingestState(server).path("consecutiveFailures").asInt() >= 1);
                    JsonNode failed = ingestState(server);
                    assertThat(failed.at("/lastOutcome/outcome").asText()).isEqualTo("FAILED");
                    assertThat(failed.at("/lastOutcome/errorCode").asText()).isEqualTo("SOURCE_NOT_FOUND");
                    assertThat(failed.at("/lastOutcome/trigger").asText()).isEqualTo("schedule");

                    // Generated elsewhere and moved in at once, as a sync tool would: never half-written.
                    Path staging = folder.resolve("staging");
                    new ExportGenerator().generate(new GeneratorOptions(staging, 2, 12, 7, ExportGranularity.DAILY, OutputFormat.PARQUET, OptionalLong.empty(),
                            GeneratorOptions.ANCHOR_LAST_MONTH.minusMonths(1), "test-export", GeneratorOptions.IAM_PRINCIPAL_DATA_START), ignored -> {});
                    Files.move(staging, export, StandardCopyOption.ATOMIC_MOVE);

                    await("the scheduled ingest succeeds", () -> !ingestState(server).path("lastSuccess").isNull());
                    await("anomaly alerts reach the webhook", () -> !anomalies.bodies().isEmpty());
                    await("the budget's alert reaches its owner's channel", () -> finance.bodies().stream()
                            .anyMatch(body -> body.toString().contains("Budget everything")));

                    assertThat(anomalies.bodies()).allSatisfy(body -> assertThat(body.get("kind").asText()).isIn("NEW", "UPDATE"));
                    assertThat(anomalies.bodies()).anySatisfy(body -> assertThat(body.at("/alerts/0/source").asText()).isEqualTo("anomaly"));
                    JsonNode succeeded = ingestState(server);
                    assertThat(succeeded.at("/lastOutcome/outcome").asText()).isIn("SUCCEEDED");
                    assertThat(succeeded.at("/lastOutcome/message").asText()).containsAnyOf("anomalies", "nothing new");
                    assertThat(succeeded.get("nextRun").asText()).isNotEmpty();
                    assertThat(succeeded.get("consecutiveFailures").asInt()).isZero();
                    int sent = anomalies.bodies().size();

                    await("later runs find nothing new", () -> ingestState(server).at("/lastOutcome/message").asText().contains("nothing new"));
                    assertThat(anomalies.bodies()).as("nothing new: nothing sent again").hasSize(sent);

                    String metrics = SharedServer.send(server, "GET", "/metrics", "").body();
                    assertThat(metrics).contains("spendlens_job_last_success_timestamp_seconds{job=\"ingest\"}")
                            .contains("spendlens_job_next_run_timestamp_seconds{job=\"ingest\"}")
                            .contains("spendlens_job_last_run_timestamp_seconds{job=\"ingest\"}")
                            .contains("spendlens_job_runs_total{job=\"ingest\",outcome=\"failed\"}")
                            .contains("spendlens_job_consecutive_failures{job=\"ingest\"} 0");
                    assertThat(SharedServer.send(server, "GET", "/api/v1/anomalies", "").body()).contains("\"anomalies\":[{");
                }
                assertThat(scheduler.running()).as("the scheduler stops with the server").isFalse();
            }
        }
    }

    private static JsonNode ingestState(SpendlensServer server) {
        try {
            JsonNode health = Json.MAPPER.readTree(SharedServer.send(server, "GET", "/healthz", "").body());
            for (JsonNode job : health.at("/scheduler/jobs")) {
                if (job.get("job").asText().equals("ingest")) {
                    return job;
                }
            }
            return Json.MAPPER.createObjectNode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, PATIENCE, condition);
    }
}
