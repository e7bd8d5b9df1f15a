package dev.spendlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.finance.FinanceSettings;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GeneratorOptions;
import dev.spendlens.generator.OutputFormat;
import dev.spendlens.jobs.Job;
import dev.spendlens.jobs.JobRunner;
import dev.spendlens.jobs.Trigger;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/v1/ingest} on a running server over an empty store, with a generated export
 * (2 months, 12 principals) on disk and no {@code ingest.sources} configured.
 */
class IngestRoutesTest {
    @TempDir
    static Path folder;
    static Path export;
    static DuckDbStore store;
    static SpendlensServer server;

    @BeforeAll
    static void start() {
        export = folder.resolve("export");
        new ExportGenerator().generate(new GeneratorOptions(export, 2, 12, 7, ExportGranularity.DAILY, OutputFormat.PARQUET, OptionalLong.empty(),
                GeneratorOptions.ANCHOR_LAST_MONTH.minusMonths(1), "test-export", GeneratorOptions.IAM_PRINCIPAL_DATA_START), ignored -> {});
        store = DuckDbStore.open(StoreSettings.at(folder.resolve("store.duckdb")));
        server = SpendlensServer.start(ServerSettings.loopback(0), context(SpendlensConfig.defaults()));
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static ServerContext context(SpendlensConfig config) {
        Allocator allocator = new Allocator(AllocationPolicy.defaults());
        return new ServerContext(store, allocator, GeneratedStore.CLOCK, FinanceSettings.of(config), config);
    }

    private static HttpResponse<String> post(String path, String body) {
        return SharedServer.send(server, "POST", path, body);
    }

    @Test
    void ingestsTheGivenSourcesInsideTheServerThenDetectsAndAnswersTheDocumentedSummary() throws Exception {
        HttpResponse<String> first = post("/api/v1/ingest", "{\"sources\": [\"%s\"]}".formatted(export.toAbsolutePath()));
        HttpResponse<String> again = post("/api/v1/ingest", "{\"sources\": [\"%s\"], \"alerts\": false}".formatted(export.toAbsolutePath()));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(first.body());
        JsonNode document = Json.MAPPER.readTree(SharedServer.send(server, "GET", "/openapi.json", "").body());
        Schema documented = OpenApiDocumentTest.schema(document, document.at("/paths/~1api~1v1~1ingest/post/responses/200/content/application~1json/schema"));
        assertThat(documented.validate(body)).as("the answer follows the documented schema").isEmpty();
        assertThat(documented.validate(document.at("/paths/~1api~1v1~1ingest/post/responses/200/content/application~1json/example"))).isEmpty();
        assertThat(body.get("unchanged").asBoolean()).isFalse();
        assertThat(body.at("/ingested/periods").findValuesAsText("billingPeriod")).as("both deliveries of the restated September, then October")
                .containsExactly("2026-09", "2026-09", "2026-10");
        assertThat(body.at("/afterIngest/anomalies/new").asInt()).isPositive();
        assertThat(body.at("/afterIngest/alerts/channels").asBoolean()).as("no channel configured: kept, not sent").isFalse();
        assertThat(body.get("summary").asText()).contains("anomalies").contains("alerts not sent").contains("budgets crossed: none");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode second = Json.MAPPER.readTree(again.body());
        assertThat(second.get("afterIngest").isNull()).as("alerts: false ingests only").isTrue();
        assertThat(second.at("/ingested/periods/2/previousUnblendedCost").asText()).as("October delivered again replaces the first")
                .isEqualTo(body.at("/ingested/periods/2/unblendedCost").asText());
        JsonNode stored = Json.MAPPER.readTree(SharedServer.send(server, "GET", "/api/v1/store", "").body());
        assertThat(stored.toString()).contains("\"BillingPeriod\":\"2026-10\"");
        JsonNode health = Json.MAPPER.readTree(SharedServer.send(server, "GET", "/healthz", "").body());
        assertThat(health.at("/scheduler/jobs").findValuesAsText("job")).contains("ingest");
        assertThat(OpenApiDocumentTest.schema(document, document.at("/components/schemas/Health")).validate(health)).isEmpty();
    }

    // body | status | what the message says
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '{"sources": ["exports/cur"]}'                   | 400 | sources[0]: source exports/cur is a relative path
            '{"sources": ["/tmp", "ftp://files/cur"]}'       | 400 | sources[1]: unsupported source ftp://files/cur
            '{"sources": ["s3://a/cur"]}'                    | 400 | sources[0]: 's3://a/cur' is not a valid S3 source
            '{"sources": [42]}'                              | 400 | sources[0] must be a string
            '{"sources": []}'                                | 400 | sources must be a list of 1 to 100
            '{"source": ["/tmp"]}'                           | 400 | unknown field 'source'
            '{"alerts": "no"}'                               | 400 | alerts must be true or false
            '["/tmp"]'                                       | 400 | the body must be a JSON object
            '{}'                                             | 400 | no source to ingest: name a folder, a file or an s3://bucket/prefix URI, or set ingest.sources
            '{"sources": ["/nonexistent/spendlens/export"]}' | 404 | source /nonexistent/spendlens/export does not exist
            """)
    void refusesABadRequestNamingTheField(String body, int status, String message) throws Exception {
        HttpResponse<String> response = post("/api/v1/ingest", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Json.MAPPER.readTree(response.body()).at("/error/message").asText()).contains(message);
    }

    @Test
    void whileAJobRunsEveryOtherJobIsRefusedWith409() throws Exception {
        JobRunner runner = server.scheduler().runner();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread digest = new Thread(() -> runner.run(Job.DAILY_DIGEST, Trigger.SCHEDULE, () -> {
            running.countDown();
            try {
                return release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, released -> JobRunner.Done.of("held")));
        digest.start();
        try {
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> ingest = post("/api/v1/ingest", "{\"sources\": [\"%s\"]}".formatted(export.toAbsolutePath()));
            HttpResponse<String> detect = post("/api/v1/anomalies/detect", "{}");
            HttpResponse<String> check = post("/api/v1/budgets/check", "{}");
            HttpResponse<String> notify = post("/api/v1/anomalies/notify", "{\"digest\": \"daily\"}");
            JsonNode health = Json.MAPPER.readTree(SharedServer.send(server, "GET", "/healthz", "").body());

            assertThat(ingest.statusCode()).isEqualTo(409);
            assertThat(Json.MAPPER.readTree(ingest.body()).at("/error/code").asText()).isEqualTo("CONFLICT");
            assertThat(Json.MAPPER.readTree(ingest.body()).at("/error/message").asText()).contains("ingest cannot start while job daily-digest");
            assertThat(detect.statusCode()).isEqualTo(409);
            assertThat(check.statusCode()).isEqualTo(409);
            assertThat(notify.statusCode()).isEqualTo(409);
            JsonNode job = null;
            for (JsonNode state : health.at("/scheduler/jobs")) {
                if (state.get("job").asText().equals("daily-digest")) {
                    job = state;
                }
            }
            assertThat(job).isNotNull();
            assertThat(job.get("running").asBoolean()).isTrue();
        } finally {
            release.countDown();
            digest.join(Duration.ofSeconds(10).toMillis());
        }
        assertThat(post("/api/v1/anomalies/detect", "{}").statusCode()).as("free again").isEqualTo(200);
    }

    @Test
    void beyondLoopbackTheIngestNeedsTheToken() {
        String token = "ingest-test-token";
        String digest = HexFormat.of().formatHex(BearerAuth.sha256(token));
        try (SpendlensServer open = SpendlensServer.start(new ServerSettings("0.0.0.0", 0, Optional.of(digest)), context(SpendlensConfig.defaults()))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/api/v1/ingest".formatted(open.port())))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));

            assertThat(SharedServer.send(request.build()).statusCode()).isEqualTo(401);
            assertThat(SharedServer.send(request.header("Authorization", "Bearer " + token).build()).statusCode()).as("past the token: no source configured")
                    .isEqualTo(400);
        }
    }
}
