package dev.spendlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finance endpoints over a real server and a generated store (2 months, 12 principals): forecasts, chargeback, governance, budgets. */
class FinanceRoutesTest {
    @TempDir
    static Path folder;
    static GeneratedStore data;
    static SpendlensServer server;
    static final HttpClient HTTP = SharedServer.HTTP;

    @BeforeAll
    static void start() {
        data = new GeneratedStore(folder, 3);
        server = SpendlensServer.start(ServerSettings.loopback(0), data.context());
    }

    @AfterAll
    static void stop() {
        server.close();
        data.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        return SharedServer.send(server, method, path, body);
    }

    @Test
    void costForecastAnswersInGetCostForecastsShape() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/cost-forecast", """
                {"TimePeriod": {"Start": "2026-11-01", "End": "2027-01-01"}, "Metric": "UNBLENDED_COST", "Granularity": "MONTHLY", "PredictionIntervalLevel": 80}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("ForecastResultsByTime")).hasSize(2);
        assertThat(body.at("/ForecastResultsByTime/1/TimePeriod/Start").asText()).isEqualTo("2026-12-01");
        BigDecimal months = new BigDecimal(body.at("/ForecastResultsByTime/0/MeanValue").asText()).add(new BigDecimal(body.at("/ForecastResultsByTime/1/MeanValue").asText()));
        assertThat(months.subtract(new BigDecimal(body.at("/Total/Amount").asText())).abs()).isLessThanOrEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void aForecastRequestWithoutMetricIsRefusedByName() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/cost-forecast", "{\"TimePeriod\": {\"Start\": \"2026-11-01\", \"End\": \"2026-12-01\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).at("/error/message").asText()).startsWith("Metric");
    }

    @Test
    void chargebackStatementsDownloadAsSpreadsheetsAndMonthsClose() throws Exception {
        HttpResponse<byte[]> xlsx = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/v1/chargeback/2026-09?format=xlsx&by=team")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> json = send("GET", "/api/v1/chargeback/2026-09?by=team", "");
        HttpResponse<String> closed = send("POST", "/api/v1/chargeback/2026-09/close?by=team", "");
        HttpResponse<String> again = send("POST", "/api/v1/chargeback/2026-09/close?by=team", "");
        HttpResponse<String> closings = send("GET", "/api/v1/chargeback/closings?by=team", "");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("spreadsheetml"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("Lines").getLastRowNum()).isPositive();
        }
        JsonNode statement = Json.MAPPER.readTree(json.body());
        assertThat(statement.get("ChargedTotal").asText()).isEqualTo(statement.get("InvoiceTotal").asText());
        assertThat(statement.get("Status").asText()).isEqualTo("OPEN");
        assertThat(closed.statusCode()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(closed.body()).get("Status").asText()).isEqualTo("CLOSED");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.MAPPER.readTree(closings.body()).at("/Closings/0/Month").asText()).isEqualTo("2026-09");
    }

    @Test
    void governanceListsFindingsWithActions() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/governance?month=2026-10", "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("UnallocatedShares")).hasSize(4);
        assertThat(body.get("Findings")).isNotEmpty().allSatisfy(finding -> assertThat(finding.get("Action").asText()).isNotBlank());
    }

    @Test
    void budgetsAreAddedReadReplacedCheckedAndRemoved() throws Exception {
        String budget = """
                {"Name": "platform", "Filter": {"Not": {"Dimensions": {"Key": "team", "Values": ["platform"]}}}, "Scope": "team other than platform",
                 "Period": "MONTHLY", "Amount": "100", "Thresholds": ["50%", "forecast:100%"]}""";

        HttpResponse<String> added = send("POST", "/api/v1/budgets", budget);
        HttpResponse<String> duplicate = send("POST", "/api/v1/budgets", budget);
        HttpResponse<String> status = send("GET", "/api/v1/budgets/platform?asOf=2026-10-20", "");
        HttpResponse<String> replaced = send("PUT", "/api/v1/budgets/platform", budget.replace("\"100\"", "\"1000000\""));
        HttpResponse<String> check = send("POST", "/api/v1/budgets/check?asOf=2026-10-20", "");
        HttpResponse<String> list = send("GET", "/api/v1/budgets?asOf=2026-10-20", "");
        HttpResponse<String> removed = send("DELETE", "/api/v1/budgets/platform", "");
        HttpResponse<String> missing = send("GET", "/api/v1/budgets/platform", "");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        JsonNode statusBody = Json.MAPPER.readTree(status.body());
        assertThat(statusBody.get("PeriodStart").asText()).isEqualTo("2026-10-01");
        assertThat(statusBody.get("BurnDown")).hasSize(31);
        assertThat(statusBody.get("Crossed").toString()).contains("actual:50%");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(check.body()).get("Raised")).isEmpty();
        assertThat(Json.MAPPER.readTree(list.body()).at("/Budgets/0/BudgetAmount").asText()).isEqualTo("1000000.00");
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(missing.statusCode()).isEqualTo(404);
    }
}
