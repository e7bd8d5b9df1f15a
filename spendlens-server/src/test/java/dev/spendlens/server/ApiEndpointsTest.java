package dev.spendlens.server;

import static dev.spendlens.server.SharedServer.query;
import static dev.spendlens.server.SharedServer.segment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.allocation.ReservedBucket;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GET endpoints against a running server over a store ingested from a generated export. */
class ApiEndpointsTest {
    static final String OCTOBER = "from=2026-10-01&to=2026-11-01";
    static SharedServer shared;

    @BeforeAll
    static void start() {
        shared = SharedServer.get();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.get("Amount").asText());
    }

    /** team -> spend in October, from POST /api/v1/cost-and-usage. */
    static Map<String, BigDecimal> costAndUsageByTeam() throws Exception {
        JsonNode body = ok(shared.post("/api/v1/cost-and-usage", """
                {"TimePeriod": {"Start": "2026-10-01", "End": "2026-11-01"}, "Granularity": "MONTHLY", "Metrics": ["UnblendedCost"],
                 "GroupBy": [{"Type": "ALLOCATION", "Key": "team"}]}"""));
        Map<String, BigDecimal> teams = new HashMap<>();
        body.at("/ResultsByTime/0/Groups").forEach(group -> teams.put(group.at("/Keys/0").asText(), amount(group.at("/Metrics/UnblendedCost"))));
        return teams;
    }

    static BigDecimal octoberTotal() throws Exception {
        JsonNode body = ok(shared.post("/api/v1/cost-and-usage", "{\"TimePeriod\": {\"Start\": \"2026-10-01\", \"End\": \"2026-11-01\"}, \"Metrics\": [\"UnblendedCost\"]}"));
        return amount(body.at("/ResultsByTime/0/Total/UnblendedCost"));
    }

    @Test
    void dimensionValuesGiveTheSameNumbersAsCostAndUsage() throws Exception {
        JsonNode body = ok(shared.get("/api/v1/dimensions/team/values?" + OCTOBER));

        Map<String, BigDecimal> values = new HashMap<>();
        body.get("DimensionValues").forEach(value -> values.put(value.get("Value").asText(), amount(value.get("UnblendedCost"))));
        assertThat(body.at("/Dimension/Type").asText()).isEqualTo("ALLOCATION");
        assertThat(values).hasSizeGreaterThan(3).isEqualTo(costAndUsageByTeam());
        assertThat(values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(octoberTotal());
        assertThat(body.get("TotalSize").asInt()).isEqualTo(values.size());
    }

    @Test
    void tagKeysWithSlashesAreDimensionKeys() throws Exception {
        JsonNode body = ok(shared.get("/api/v1/dimensions/TAG:iamPrincipal/team/values?" + OCTOBER));

        assertThat(body.get("Dimension").toString()).isEqualTo("{\"Type\":\"TAG\",\"Key\":\"iamPrincipal/team\"}");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode value : body.get("DimensionValues")) {
            sum = sum.add(amount(value.get("UnblendedCost")));
        }
        assertThat(sum).isEqualByComparingTo(octoberTotal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"team'; DROP TABLE cost_daily; --", "MODEL\" OR 1=1 --", "x;y", "dim_team FROM allocations; --", "(SELECT 1)"})
    void hostileDimensionKeysAreRefusedByName(String key) throws Exception {
        HttpResponse<String> response = shared.get("/api/v1/dimensions/" + segment(key) + "/values?" + OCTOBER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("UNKNOWN_DIMENSION");
        assertThat(error.get("message").asText()).contains("unknown dimension '" + key.strip() + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"iamPrincipal/team') OR 1=1; DROP TABLE cost_daily; --", "iamPrincipal/\"; DELETE FROM tag_sets; --", "resourceTags/a'b;c"})
    void hostileTagKeysAreBoundParametersAndMatchNothing(String key) throws Exception {
        BigDecimal before = octoberTotal();

        JsonNode values = ok(shared.get("/api/v1/dimensions/" + segment("TAG:" + key) + "/values?" + OCTOBER));
        JsonNode tags = ok(shared.get("/api/v1/tags?" + OCTOBER + "&key=" + query(key) + "&search=" + query("' OR '1'='1")));

        // Nothing carries such a key: all spend has the value "" (not set), and the catalog has no entry.
        assertThat(values.get("DimensionValues")).hasSize(1);
        assertThat(values.at("/DimensionValues/0/Value").asText()).isEmpty();
        assertThat(amount(values.at("/DimensionValues/0/UnblendedCost"))).isEqualByComparingTo(before);
        assertThat(tags.get("TagKeys")).isEmpty();
        assertThat(octoberTotal()).isEqualByComparingTo(before);
    }

    @Test
    void largeResultsArePaginatedWithoutOverlap() throws Exception {
        JsonNode all = ok(shared.get("/api/v1/dimensions/PRINCIPAL/values?" + OCTOBER + "&pageSize=1000"));
        List<String> paged = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            JsonNode page = ok(shared.get("/api/v1/dimensions/PRINCIPAL/values?" + OCTOBER + "&pageSize=7" + token.map(t -> "&nextPageToken=" + t).orElse("")));
            page.get("DimensionValues").forEach(value -> paged.add(value.get("Value").asText()));
            assertThat(page.get("ReturnSize").asInt()).isLessThanOrEqualTo(7);
            assertThat(page.get("TotalSize").asInt()).isEqualTo(all.get("TotalSize").asInt());
            token = Optional.ofNullable(page.get("NextPageToken")).map(JsonNode::asText);
            pages++;
        } while (token.isPresent());

        List<String> everything = new ArrayList<>();
        all.get("DimensionValues").forEach(value -> everything.add(value.get("Value").asText()));
        assertThat(everything.size()).isGreaterThan(14);
        assertThat(pages).isEqualTo((everything.size() + 6) / 7);
        assertThat(paged).containsExactlyElementsOf(everything);
    }

    @Test
    void searchKeepsMatchingValues() throws Exception {
        JsonNode body = ok(shared.get("/api/v1/dimensions/PRINCIPAL/values?" + OCTOBER + "&search=ASSUMED-ROLE"));

        assertThat(body.get("DimensionValues")).isNotEmpty().allSatisfy(value -> assertThat(value.get("Value").asText()).contains("assumed-role"));
    }

    @Test
    void tagsListKeysAndValuesWithSpendThatAddUp() throws Exception {
        JsonNode body = ok(shared.get("/api/v1/tags?" + OCTOBER + "&pageSize=1000"));

        BigDecimal total = amount(body.get("Total"));
        assertThat(total).isEqualByComparingTo(octoberTotal());
        JsonNode team = null;
        for (JsonNode key : body.get("TagKeys")) {
            BigDecimal values = BigDecimal.ZERO;
            for (JsonNode value : key.get("Values")) {
                values = values.add(amount(value.get("UnblendedCost")));
            }
            assertThat(values).as(key.get("Key").asText()).isEqualByComparingTo(amount(key.get("UnblendedCost")));
            assertThat(amount(key.get("UnblendedCost")).add(amount(key.get("UntaggedCost")))).isEqualByComparingTo(total);
            if (key.get("Key").asText().equals("iamPrincipal/team")) {
                team = key;
            }
        }
        assertThat(team).isNotNull();
        assertThat(team.get("Source").asText()).isEqualTo("iamPrincipal");
    }

    @Test
    void principalDetailsAddUpAndExplainTheirOwners() throws Exception {
        JsonNode top = ok(shared.get("/api/v1/dimensions/PRINCIPAL/values?" + OCTOBER + "&search=arn:"));
        JsonNode first = top.at("/DimensionValues/0");
        String arn = first.get("Value").asText();

        JsonNode body = ok(shared.get("/api/v1/principals/" + segment(arn) + "?" + OCTOBER));

        assertThat(body.get("Principal").asText()).isEqualTo(arn);
        assertThat(amount(body.get("Total"))).isEqualByComparingTo(amount(first.get("UnblendedCost")));
        assertThat(body.at("/Identity/Type").asText()).isNotEmpty();
        assertThat(body.at("/Identity/Account").asText()).matches("\\d{12}");
        BigDecimal daily = BigDecimal.ZERO;
        for (JsonNode day : body.get("Daily")) {
            daily = daily.add(amount(day.get("UnblendedCost")));
            assertThat(day.get("Date").asText()).startsWith("2026-10-");
        }
        assertThat(daily).isEqualByComparingTo(amount(body.get("Total")));
        BigDecimal team = BigDecimal.ZERO;
        for (JsonNode allocation : body.get("Allocations")) {
            assertThat(allocation.get("Source").asText()).matches("tag:.+|people:.+|rule:.+|unallocated|no-caller");
            if (allocation.get("Dimension").asText().equals("team")) {
                team = team.add(amount(allocation.get("UnblendedCost")));
            }
        }
        assertThat(team).isEqualByComparingTo(amount(body.get("Total")));
        assertThat(body.get("Tags")).allSatisfy(tag -> assertThat(tag.get("Key").asText()).startsWith(tag.get("Source").asText() + "/"));
    }

    @Test
    void reservedBucketsHavePrincipalPagesToo() throws Exception {
        JsonNode body = ok(shared.get("/api/v1/principals/" + ReservedBucket.NO_CALLER.label()));

        assertThat(body.at("/Identity/Type").asText()).isEqualTo(ReservedBucket.NO_CALLER.label());
        assertThat(body.at("/TimePeriod/Start").asText()).isEqualTo("2026-09-01");
    }

    @Test
    void unknownPrincipalsAre404WithJson() throws Exception {
        HttpResponse<String> response = shared.get("/api/v1/principals/arn:aws:iam::000000000000:user/nobody'%3B--");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/message").asText()).contains("no principal 'arn:aws:iam::000000000000:user/nobody';--'");
    }

    @Test
    void badParametersGet400NamingTheParameter() throws Exception {
        assertThat(json(shared.get("/api/v1/tags?to=2026-11-01")).at("/error/message").asText()).contains("'from' is required");
        assertThat(json(shared.get("/api/v1/tags?" + OCTOBER + "&pageSize=5000")).at("/error/message").asText()).contains("'pageSize'");
        assertThat(json(shared.get("/api/v1/dimensions/MODEL/values?from=2026-13-01&to=2026-11-01")).at("/error/message").asText()).contains("from '2026-13-01'");
        assertThat(json(shared.get("/api/v1/dimensions/MODEL/values?" + OCTOBER + "&nextPageToken=forged")).at("/error/message").asText()).contains("NextPageToken 'forged'");
        assertThat(shared.get("/api/v1/principals/x?from=2026-10-01").statusCode()).isEqualTo(400);
    }

    @Test
    void storeTellsTheDaysAndPeriodsHeld() throws Exception {
        JsonNode body = ok(shared.get("/api/v1/store"));

        assertThat(body.get("FirstDay").asText()).isEqualTo("2026-09-01");
        assertThat(body.get("LastDay").asText()).isEqualTo("2026-10-31");
        assertThat(body.get("Today").asText()).isEqualTo("2026-11-26");
        assertThat(body.get("BillingPeriods")).extracting(period -> period.get("BillingPeriod").asText()).containsExactly("2026-09", "2026-10");
        assertThat(body.get("StoreBytes").asLong()).isPositive();
    }

    @Test
    void dimensionsListBuiltInAndAllocationKeys() throws Exception {
        JsonNode body = ok(shared.get("/api/v1/dimensions"));

        assertThat(body.get("Dimensions").toString()).contains("{\"Type\":\"DIMENSION\",\"Key\":\"PRINCIPAL\"}").contains("{\"Type\":\"ALLOCATION\",\"Key\":\"team\"}");
    }

    @Test
    void servesTheDashboardAndOnlyItsOwnFiles() {
        HttpResponse<String> page = shared.get("/");
        HttpResponse<String> echarts = shared.get("/assets/echarts.min.js");
        HttpResponse<String> traversal = shared.get("/assets/..%2Fopenapi.json");
        HttpResponse<String> other = shared.get("/assets/pom.xml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script src=\"/assets/echarts.min.js\"></script>").doesNotContain("http://").doesNotContain("https://");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(traversal.statusCode()).isIn(400, 404);
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void beyondLoopbackTheApiAndMetricsNeedTheTokenButTheDashboardFilesDoNot() {
        String token = "dashboard-test-token";
        String digest = HexFormat.of().formatHex(BearerAuth.sha256(token));
        try (SpendlensServer open = SpendlensServer.start(new ServerSettings("0.0.0.0", 0, Optional.of(digest)), shared.data.context())) {
            String base = "http://127.0.0.1:%d".formatted(open.port());
            int tags = SharedServer.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tags?" + OCTOBER)).build()).statusCode();
            int tagsWithToken = SharedServer.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tags?" + OCTOBER)).header("Authorization", "Bearer " + token).build()).statusCode();
            int metrics = SharedServer.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build()).statusCode();
            int page = SharedServer.send(HttpRequest.newBuilder(URI.create(base + "/")).build()).statusCode();
            int script = SharedServer.send(HttpRequest.newBuilder(URI.create(base + "/assets/app.js")).build()).statusCode();

            assertThat(tags).isEqualTo(401);
            assertThat(tagsWithToken).isEqualTo(200);
            assertThat(metrics).isEqualTo(401);
            assertThat(page).isEqualTo(200);
            assertThat(script).isEqualTo(200);
        }
    }
}
