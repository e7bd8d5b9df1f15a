package dev.spendlens.server;

import static dev.spendlens.server.ApiEndpointsTest.amount;
import static dev.spendlens.server.ApiEndpointsTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** /metrics against a server whose clock is inside the generated data, so that month to date has spend. */
class MetricsRoutesTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

    static Map<String, BigDecimal> samples(String text, String metric, String label) {
        Map<String, BigDecimal> samples = new HashMap<>();
        Matcher matcher = SAMPLE.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(metric)) {
                Matcher value = Pattern.compile(label + "=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(matcher.group(2));
                if (value.find()) {
                    samples.put(value.group(1), new BigDecimal(matcher.group(3)));
                }
            }
        }
        return samples;
    }

    @Test
    void exposesMonthToDateSpendByTeamAndModelAndTheServersHealth() throws Exception {
        SharedServer shared = SharedServer.get();
        Clock october20 = Clock.fixed(Instant.parse("2026-10-20T08:00:00Z"), ZoneOffset.UTC);
        try (SpendlensServer server = SpendlensServer.start(ServerSettings.loopback(0), new ServerContext(shared.data.store, shared.data.allocator, october20))) {
            String base = server.url();
            SharedServer.send(HttpRequest.newBuilder(URI.create(base + "api/v1/store")).build());
            SharedServer.send(HttpRequest.newBuilder(URI.create(base + "api/v1/store")).build());
            SharedServer.send(HttpRequest.newBuilder(URI.create(base + "api/v1/dimensions/NOPE/values?from=2026-10-01&to=2026-10-02")).build());
            HttpResponse<String> response = SharedServer.send(HttpRequest.newBuilder(URI.create(base + "metrics")).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            String text = response.body();

            JsonNode byTeam = ok(shared.post("/api/v1/cost-and-usage", """
                    {"TimePeriod": {"Start": "2026-10-01", "End": "2026-10-21"}, "Granularity": "MONTHLY", "Metrics": ["UnblendedCost"],
                     "GroupBy": [{"Type": "ALLOCATION", "Key": "team"}]}"""));
            Map<String, BigDecimal> expected = new HashMap<>();
            byTeam.at("/ResultsByTime/0/Groups").forEach(group -> expected.put(group.at("/Keys/0").asText(), amount(group.at("/Metrics/UnblendedCost"))));
            Map<String, BigDecimal> teams = samples(text, "spendlens_team_spend_month_to_date", "team");
            assertThat(teams).hasSameSizeAs(expected).hasSizeGreaterThan(3);
            expected.forEach((team, amount) -> assertThat(teams.get(team)).as(team).isEqualByComparingTo(amount));
            assertThat(samples(text, "spendlens_spend_month_to_date", "currency").get("USD"))
                    .isEqualByComparingTo(amount(byTeam.at("/ResultsByTime/0/Total/UnblendedCost")));
            assertThat(samples(text, "spendlens_model_spend_month_to_date", "model").values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(amount(byTeam.at("/ResultsByTime/0/Total/UnblendedCost")));

            assertThat(text).contains("spendlens_http_requests_total{method=\"GET\",route=\"/api/v1/store\",status=\"200\"} 2")
                    .contains("spendlens_http_requests_total{method=\"GET\",route=\"/api/v1/dimensions/<key>/values\",status=\"400\"} 1")
                    .contains("spendlens_http_request_duration_seconds_count{route=\"/api/v1/store\"} 2")
                    .contains("spendlens_http_request_duration_seconds_bucket{route=\"/api/v1/store\",le=\"+Inf\"} 2")
                    .contains("# TYPE spendlens_http_request_duration_seconds histogram");
            assertThat(samples(text, "spendlens_store_rows", "table").get("cost_daily")).isPositive();
            assertThat(text).containsPattern("(?m)^spendlens_store_size_bytes [1-9][0-9]*$");
        }
    }

    @Test
    void escapesLabelValues() {
        String text = new PrometheusText().family("x", "gauge", "help").sample("x", 1, "team", "a\"b\\c\nd").toString();

        assertThat(text).contains("x{team=\"a\\\"b\\\\c\\nd\"} 1");
    }
}
