package dev.spendlens.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.api.CostAndUsageResponse;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.error.SpendlensException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's own behaviour (health, errors, binding and tokens) and the API against the engine, over the shared server. */
class SpendlensServerTest {
    static final HttpClient HTTP = SharedServer.HTTP;
    static SharedServer shared;
    static GeneratedStore data;

    @BeforeAll
    static void start() {
        shared = SharedServer.get();
        data = shared.data;
    }

    static HttpResponse<String> post(String path, String body) {
        return shared.post(path, body);
    }

    @Test
    void answersHealthChecks() throws Exception {
        HttpResponse<String> response = shared.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void costAndUsageGivesTheSameNumbersAsTheEngine() throws Exception {
        String start = data.generated.periods().get(0).atDay(1).toString();
        String end = data.lastMonth().plusMonths(1).atDay(1).toString();
        HttpResponse<String> response = post("/api/v1/cost-and-usage", """
                {"TimePeriod": {"Start": "%s", "End": "%s"}, "Granularity": "MONTHLY", "Metrics": ["UnblendedCost"],
                 "GroupBy": [{"Type": "ALLOCATION", "Key": "team"}, {"Type": "DIMENSION", "Key": "MODEL"}]}""".formatted(start, end));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        CostQuery query = new CostQuery(TimePeriod.parse(start, end, "start", "end"), Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST),
                List.of(data.context().fields().parse("team"), data.context().fields().parse("MODEL")), Optional.empty());
        JsonNode expected = CostAndUsageResponse.write(new CostQueryEngine(data.store, GeneratedStore.CLOCK).run(query), Granularity.MONTHLY);
        assertThat(body.get("ResultsByTime")).isEqualTo(expected.get("ResultsByTime"));
        assertThat(body.at("/ResultsByTime/0/Groups").size()).isGreaterThan(3);
    }

    @Test
    void invalidRequestsGet400NamingTheField() throws Exception {
        HttpResponse<String> response = post("/api/v1/cost-and-usage", """
                {"TimePeriod": {"Start": "2026-09-01", "End": "2026-10-01"}, "Metrics": ["UnblendedCost"],
                 "Filter": {"And": [{"Dimensions": {"Key": "REGION", "Values": ["us-east-1"]}}, {"Tags": {"Values": ["x"]}}]}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.MAPPER.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_FILTER");
        assertThat(error.get("message").asText()).startsWith("Filter.And[1].Tags.Key");
    }

    @Test
    void refusesToBindBeyondLoopbackWithoutAToken() {
        assertThatThrownBy(() -> SpendlensServer.start(new ServerSettings("0.0.0.0", 0, Optional.empty()), data.context()))
                .isInstanceOf(SpendlensException.class)
                .hasMessageContaining("server.api-token-sha256");
    }

    @Test
    void beyondLoopbackEveryApiCallNeedsTheBearerToken() throws Exception {
        String token = "s3cret-token-for-tests";
        String digest = HexFormat.of().formatHex(BearerAuth.sha256(token));
        try (SpendlensServer open = SpendlensServer.start(new ServerSettings("0.0.0.0", 0, Optional.of(digest)), data.context())) {
            URI uri = URI.create("http://127.0.0.1:%d/api/v1/cost-and-usage".formatted(open.port()));
            String body = "{\"TimePeriod\": {\"Start\": \"2026-09-01\", \"End\": \"2026-10-01\"}, \"Metrics\": [\"UnblendedCost\"]}";
            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> right = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/healthz".formatted(open.port()))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).doesNotContain("nope").doesNotContain(token);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void unknownEndpointsAnswerJson404() throws Exception {
        HttpResponse<String> response = shared.get("/api/v1/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(response.body()).at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }
}
