package dev.spendlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anomaly API over a generated organisation (12 principals, 4 months) with its injected anomalies. */
class AnomalyRoutesTest {
    @TempDir
    static Path folder;
    static GeneratedStore data;
    static SpendlensServer server;
    static JsonNode detected;

    @BeforeAll
    static void start() throws Exception {
        data = new GeneratedStore(folder, 4);
        server = SpendlensServer.start(ServerSettings.loopback(0), data.context());
        HttpResponse<String> response = send("POST", "/api/v1/anomalies/detect", "");
        assertThat(response.statusCode()).isEqualTo(200);
        detected = Json.MAPPER.readTree(response.body());
    }

    @AfterAll
    static void stop() {
        server.close();
        data.close();
    }

    static HttpResponse<String> send(String method, String path, String body) {
        return SharedServer.send(server, method, path, body);
    }

    @Test
    void detectionFindsAnomaliesWhoseRootCausesSumToTheirImpact() {
        assertThat(detected.get("series").asInt()).isGreaterThan(10);
        JsonNode anomalies = detected.get("anomalies");
        assertThat(anomalies.size()).isGreaterThan(0);
        for (JsonNode anomaly : anomalies) {
            BigDecimal causes = BigDecimal.ZERO;
            for (JsonNode cause : anomaly.get("rootCause")) {
                causes = causes.add(cause.get("contribution").decimalValue());
            }
            assertThat(causes).as(anomaly.get("id").asText()).isEqualByComparingTo(anomaly.get("impact").decimalValue());
            assertThat(anomaly.get("scoreMeaning").asText()).isNotBlank();
            assertThat(anomaly.get("explanation").asText()).isNotBlank();
        }
    }

    @Test
    void listsShowsAndTakesFeedbackOnAnomalies() throws Exception {
        String id = detected.get("anomalies").get(0).get("id").asText();

        JsonNode listed = Json.MAPPER.readTree(send("GET", "/api/v1/anomalies?monitor=" + detected.get("anomalies").get(0).get("monitor").asText(), "").body());
        assertThat(listed.get("anomalies")).extracting(node -> node.get("id").asText()).contains(id);

        HttpResponse<String> feedback = send("POST", "/api/v1/anomalies/" + id + "/feedback", "{\"feedback\": \"planned\", \"note\": \"load test\"}");
        assertThat(feedback.statusCode()).isEqualTo(200);

        JsonNode one = Json.MAPPER.readTree(send("GET", "/api/v1/anomalies/" + id, "").body());
        assertThat(one.get("feedback").asText()).isEqualTo("PLANNED_ACTIVITY");
        assertThat(one.get("feedbackNote").asText()).isEqualTo("load test");
    }

    @Test
    void unknownAnomaliesAndBadFeedbackAreRefusedAsJson() throws Exception {
        HttpResponse<String> missing = send("GET", "/api/v1/anomalies/an-000000000000", "");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(missing.body()).at("/error/code").asText()).isEqualTo("NOT_FOUND");

        String id = detected.get("anomalies").get(0).get("id").asText();
        HttpResponse<String> bad = send("POST", "/api/v1/anomalies/" + id + "/feedback", "{\"feedback\": \"maybe\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(bad.body()).at("/error/message").asText()).contains("yes, no, planned");
    }

    @Test
    void createsListsAndDeletesMonitorsLikeCostAnomalyDetection() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/anomaly-monitors",
                "{\"name\": \"sandbox\", \"filter\": {\"Dimensions\": {\"Key\": \"LINKED_ACCOUNT\", \"Values\": [\"111122223333\"]}}, \"hourly\": false}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(created.body()).get("type").asText()).isEqualTo("CUSTOM");

        JsonNode monitors = Json.MAPPER.readTree(send("GET", "/api/v1/anomaly-monitors", "").body()).get("monitors");
        assertThat(monitors).extracting(node -> node.get("name").asText()).contains("principals", "teams", "sandbox");

        HttpResponse<String> bad = send("POST", "/api/v1/anomaly-monitors", "{\"name\": \"bad\", \"dimension\": \"SQUAD\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown dimension 'SQUAD'");

        assertThat(send("DELETE", "/api/v1/anomaly-monitors/sandbox", "").statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/anomaly-monitors/principals", "").statusCode()).isEqualTo(409);
    }

    @Test
    void showsTheDeliveryLog() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/alert-deliveries?days=30", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).get("deliveries").isArray()).isTrue();
    }
}
