package dev.spendlens.server;

import static dev.spendlens.server.ApiEndpointsTest.amount;
import static dev.spendlens.server.ApiEndpointsTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every dashboard page in real headless Chromium, checked against the numbers the REST API returns
 * for the same question. Screenshots land in target/screenshots/.
 */
class DashboardBrowserTest {
    static SharedServer shared;
    static Browser browser;

    @BeforeAll
    static void start() {
        shared = SharedServer.get();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** How the dashboard shows an amount: currency, thousands separators, two decimals. */
    static String money(BigDecimal amount) {
        return (amount.signum() < 0 ? "-$" : "$") + String.format(Locale.US, "%,.2f", amount.abs().setScale(2, RoundingMode.HALF_UP));
    }

    static JsonNode costAndUsage(String from, String to, String granularity, String groupBy, String filter) throws Exception {
        return ok(shared.post("/api/v1/cost-and-usage", """
                {"TimePeriod": {"Start": "%s", "End": "%s"}, "Granularity": "%s", "Metrics": ["UnblendedCost"], "GroupBy": [%s]%s}"""
                .formatted(from, to, granularity, groupBy, filter.isEmpty() ? "" : ", \"Filter\": " + filter)));
    }

    /** group keys joined by '|' -> amounts per time bucket, from a cost-and-usage answer. */
    static Map<String, List<BigDecimal>> groups(JsonNode answer) {
        Map<String, List<BigDecimal>> groups = new LinkedHashMap<>();
        JsonNode buckets = answer.get("ResultsByTime");
        for (int i = 0; i < buckets.size(); i++) {
            for (JsonNode group : buckets.get(i).get("Groups")) {
                List<String> keys = new ArrayList<>();
                group.get("Keys").forEach(key -> keys.add(key.asText()));
                List<BigDecimal> amounts = groups.computeIfAbsent(String.join("|", keys), key -> new ArrayList<>(java.util.Collections.nCopies(buckets.size(), BigDecimal.ZERO)));
                amounts.set(i, amount(group.at("/Metrics/UnblendedCost")));
            }
        }
        return groups;
    }

    static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** Each row of a table as its data-keys (or first cell) -> the data-amount of its money cells. */
    static Map<String, List<BigDecimal>> tableAmounts(String tableId, String keyAttribute) {
        Map<String, List<BigDecimal>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#" + tableId + " tbody tr[" + keyAttribute + "]"))) {
            List<BigDecimal> amounts = new ArrayList<>();
            for (WebElement cell : row.findElements(By.cssSelector("td[data-amount]"))) {
                amounts.add(new BigDecimal(cell.getAttribute("data-amount")));
                assertThat(cell.getText()).isEqualTo(money(new BigDecimal(cell.getAttribute("data-amount"))));
            }
            rows.put(row.getAttribute(keyAttribute), amounts);
        }
        return rows;
    }

    @Test
    void overviewShowsTheMonthTeamsPrincipalsModelsAndDailyChartOfTheApi() throws Exception {
        browser.open(shared.url("/#/overview"));

        BigDecimal october = amount(costAndUsage("2026-10-01", "2026-11-01", "MONTHLY", "", "").at("/ResultsByTime/0/Total/UnblendedCost"));
        BigDecimal september = amount(costAndUsage("2026-09-01", "2026-10-01", "MONTHLY", "", "").at("/ResultsByTime/0/Total/UnblendedCost"));
        assertThat(browser.text("#kpi-mtd .kpi-value")).isEqualTo(money(october));
        assertThat(browser.text("#kpi-last-month .kpi-value")).isEqualTo(money(september));
        assertThat(browser.text(".hint")).contains("latest month with data");

        Map<String, List<BigDecimal>> teams = groups(costAndUsage("2026-09-01", "2026-11-01", "MONTHLY", "{\"Type\": \"ALLOCATION\", \"Key\": \"team\"}", ""));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#top-teams-table tbody tr"));
        assertThat(rows).hasSize(Math.min(10, (int) teams.values().stream().filter(amounts -> amounts.get(1).signum() != 0).count()));
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.cssSelector("td[data-amount]"));
            BigDecimal thisMonth = new BigDecimal(cells.get(0).getAttribute("data-amount"));
            String team = teams.entrySet().stream().filter(entry -> entry.getValue().get(1).compareTo(thisMonth) == 0).findFirst().orElseThrow().getKey();
            assertThat(cells.get(0).getText()).isEqualTo(money(teams.get(team).get(1)));
            assertThat(new BigDecimal(cells.get(1).getAttribute("data-amount"))).isEqualByComparingTo(teams.get(team).get(0));
        }

        JsonNode topPrincipals = ok(shared.get("/api/v1/dimensions/PRINCIPAL/values?from=2026-10-01&to=2026-11-01&pageSize=10"));
        List<WebElement> principalCells = browser.driver.findElements(By.cssSelector("#top-principals-table td[data-amount]"));
        assertThat(principalCells).hasSize(topPrincipals.get("DimensionValues").size());
        for (int i = 0; i < principalCells.size(); i++) {
            assertThat(principalCells.get(i).getText()).isEqualTo(money(amount(topPrincipals.at("/DimensionValues/" + i + "/UnblendedCost"))));
        }
        JsonNode topModels = ok(shared.get("/api/v1/dimensions/MODEL/values?from=2026-10-01&to=2026-11-01&pageSize=10"));
        assertThat(browser.text("#top-models-table tbody tr:first-child td[data-amount]")).isEqualTo(money(amount(topModels.at("/DimensionValues/0/UnblendedCost"))));

        JsonNode daily = costAndUsage("2026-10-01", "2026-11-01", "DAILY", "", "");
        List<Map<String, Object>> series = browser.series("daily-chart");
        assertThat(series).isNotEmpty();
        for (int day = 0; day < 31; day++) {
            double stacked = 0;
            for (Map<String, Object> one : series) {
                stacked += number(((List<?>) one.get("data")).get(day));
            }
            assertThat(stacked).as("day %d", day + 1).isCloseTo(amount(daily.at("/ResultsByTime/" + day + "/Total/UnblendedCost")).doubleValue(),
                    org.assertj.core.data.Offset.offset(0.01 * series.size()));
        }
        browser.screenshot("overview");
    }

    @Test
    void explorerFollowsAGroupByChangeWithTheApisNumbersAndKeepsItInTheUrl() throws Exception {
        browser.open(shared.url("/#/explorer?from=2026-09-01&to=2026-11-01&granularity=MONTHLY&groupBy=team&chart=bar"));
        Map<String, List<BigDecimal>> byTeam = groups(costAndUsage("2026-09-01", "2026-11-01", "MONTHLY", "{\"Type\": \"ALLOCATION\", \"Key\": \"team\"}", ""));
        assertThat(tableAmounts("explorer-table", "data-keys")).hasSize(byTeam.size());

        Object before = browser.drawCount();
        new Select(browser.driver.findElement(By.id("group-by-1"))).selectByValue("MODEL");
        browser.waitUntilDrawn(before);

        assertThat(browser.driver.getCurrentUrl()).contains("groupBy=MODEL");
        Map<String, List<BigDecimal>> byModel = groups(costAndUsage("2026-09-01", "2026-11-01", "MONTHLY", "{\"Type\": \"DIMENSION\", \"Key\": \"MODEL\"}", ""));
        Map<String, List<BigDecimal>> table = tableAmounts("explorer-table", "data-keys");
        assertThat(table).hasSize(byModel.size());
        byModel.forEach((model, amounts) -> {
            List<BigDecimal> row = table.get("[\"" + model + "\"]");
            assertThat(row).as(model).hasSize(3);
            assertThat(row.get(0)).as("total of %s", model).isEqualByComparingTo(sum(amounts));
            assertThat(row.get(1)).isEqualByComparingTo(amounts.get(0));
            assertThat(row.get(2)).isEqualByComparingTo(amounts.get(1));
        });
        Map<String, Map<String, Object>> chart = new HashMap<>();
        browser.series("explorer-chart").forEach(series -> chart.put((String) series.get("name"), series));
        byModel.forEach((model, amounts) -> {
            Map<String, Object> series = chart.get(model.equals(ReservedBucket.NOT_APPLICABLE.label()) ? "Not applicable" : model);
            if (series != null) {
                List<?> data = (List<?>) series.get("data");
                assertThat(number(data.get(0))).as(model).isCloseTo(amounts.get(0).doubleValue(), org.assertj.core.data.Offset.offset(0.006));
                assertThat(number(data.get(1))).as(model).isCloseTo(amounts.get(1).doubleValue(), org.assertj.core.data.Offset.offset(0.006));
            }
        });
        assertThat(chart).hasSize(Math.min(10, byModel.size()));
        browser.screenshot("explorer-by-model");

        before = browser.drawCount();
        new Select(browser.driver.findElement(By.id("group-by-2"))).selectByValue("team");
        browser.waitUntilDrawn(before);
        Map<String, List<BigDecimal>> byModelAndTeam = groups(costAndUsage("2026-09-01", "2026-11-01", "MONTHLY",
                "{\"Type\": \"DIMENSION\", \"Key\": \"MODEL\"}, {\"Type\": \"ALLOCATION\", \"Key\": \"team\"}", ""));
        assertThat(tableAmounts("explorer-table", "data-keys")).hasSize(byModelAndTeam.size());

        browser.driver.findElement(By.id("download-csv")).click();
        Path csv = new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(driver -> {
            try (var files = Files.list(browser.downloads)) {
                return files.filter(file -> file.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("MODEL,team,Total,2026-09-01,2026-10-01");
        assertThat(lines).hasSize(byModelAndTeam.size() + 2);
        BigDecimal grand = byModelAndTeam.values().stream().map(DashboardBrowserTest::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(lines.get(lines.size() - 1).split(",")[2])).isEqualByComparingTo(grand);

        String shared = browser.driver.getCurrentUrl();
        browser.open(DashboardBrowserTest.shared.url("/#/overview"));
        browser.open(shared);
        assertThat(new Select(browser.driver.findElement(By.id("group-by-1"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("MODEL");
        assertThat(new Select(browser.driver.findElement(By.id("group-by-2"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("team");
        browser.screenshot("explorer-by-model-and-team");
    }

    @Test
    void explorerFiltersWithTheUrlsExpression() throws Exception {
        String filter = "{\"Dimensions\":{\"Key\":\"team\",\"Values\":[\"__unallocated__\"]}}";
        browser.open(shared.url("/#/explorer?from=2026-09-01&to=2026-11-01&granularity=MONTHLY&groupBy=PRINCIPAL&chart=line&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8)));

        Map<String, List<BigDecimal>> expected = groups(costAndUsage("2026-09-01", "2026-11-01", "MONTHLY", "{\"Type\": \"DIMENSION\", \"Key\": \"PRINCIPAL\"}", filter));
        assertThat(tableAmounts("explorer-table", "data-keys")).hasSize(expected.size());
        assertThat(browser.driver.findElements(By.cssSelector(".filter-row"))).hasSize(1);
        browser.screenshot("explorer-filtered");
    }

    @Test
    void principalPageShowsIdentityOwnersTagsAndSpendOfTheApi() throws Exception {
        JsonNode top = ok(shared.get("/api/v1/dimensions/PRINCIPAL/values?from=2026-09-01&to=2026-11-01&search=arn:"));
        String arn = top.at("/DimensionValues/0/Value").asText();
        JsonNode report = ok(shared.get("/api/v1/principals/" + SharedServer.segment(arn) + "?from=2026-09-01&to=2026-11-01"));

        browser.open(shared.url("/#/principal/" + URLEncoder.encode(arn, StandardCharsets.UTF_8).replace("+", "%20") + "?from=2026-09-01&to=2026-11-01"));

        assertThat(browser.text("#principal-arn")).isEqualTo(arn);
        assertThat(browser.text("#principal-total")).isEqualTo(money(amount(report.get("Total"))));
        assertThat(browser.text("#identity")).contains(report.at("/Identity/Type").asText()).contains(report.at("/Identity/Account").asText());
        List<WebElement> sources = browser.driver.findElements(By.cssSelector("#allocations-table td.source"));
        assertThat(sources).hasSize(report.get("Allocations").size());
        for (int i = 0; i < sources.size(); i++) {
            assertThat(sources.get(i).getAttribute("data-source")).isEqualTo(report.at("/Allocations/" + i + "/Source").asText());
        }
        double charted = 0;
        for (Map<String, Object> series : browser.series("principal-chart")) {
            for (Object value : (List<?>) series.get("data")) {
                charted += number(value);
            }
        }
        assertThat(charted).isCloseTo(amount(report.get("Total")).doubleValue(), org.assertj.core.data.Offset.offset(0.01 * report.get("Daily").size()));
        browser.screenshot("principal");

        Object before = browser.drawCount();
        new Select(browser.driver.findElement(By.id("split"))).selectByValue("tokenType");
        browser.waitUntilDrawn(before);
        Set<String> tokenTypes = new HashSet<>();
        report.get("Daily").forEach(day -> tokenTypes.add(day.get("TokenType").asText()));
        assertThat(browser.series("principal-chart")).extracting(series -> (String) series.get("name")).containsExactlyInAnyOrderElementsOf(tokenTypes);
    }

    @Test
    void untaggedAndSharedPageListsWhatTheApiFinds() throws Exception {
        browser.open(shared.url("/#/untagged?from=2026-09-01&to=2026-11-01"));

        Map<String, List<BigDecimal>> untagged = groups(costAndUsage("2026-09-01", "2026-11-01", "MONTHLY", "{\"Type\": \"DIMENSION\", \"Key\": \"PRINCIPAL\"}",
                "{\"Dimensions\": {\"Key\": \"team\", \"MatchOptions\": [\"ABSENT\"]}}"));
        List<String> shown = browser.driver.findElements(By.cssSelector("#untagged-table tbody tr")).stream().map(row -> row.getAttribute("data-principal")).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(untagged.keySet());

        Map<String, Set<String>> people = new HashMap<>();
        groups(costAndUsage("2026-09-01", "2026-11-01", "MONTHLY", "{\"Type\": \"DIMENSION\", \"Key\": \"ROLE\"}, {\"Type\": \"DIMENSION\", \"Key\": \"PERSON\"}", ""))
                .keySet().forEach(keys -> {
                    String[] parts = keys.split("\\|", -1);
                    if (!ReservedBucket.isReserved(parts[0]) && !ReservedBucket.isReserved(parts[1])) {
                        people.computeIfAbsent(parts[0], role -> new HashSet<>()).add(parts[1]);
                    }
                });
        Set<String> sharedRoles = new HashSet<>();
        people.forEach((role, persons) -> {
            if (persons.size() > 1) {
                sharedRoles.add(role);
            }
        });
        List<WebElement> roleRows = browser.driver.findElements(By.cssSelector("#shared-table tbody tr"));
        assertThat(roleRows).extracting(row -> row.getAttribute("data-role")).containsExactlyInAnyOrderElementsOf(sharedRoles);
        for (WebElement row : roleRows) {
            assertThat(row.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo(Integer.toString(people.get(row.getAttribute("data-role")).size()));
        }
        browser.screenshot("untagged-and-shared");
    }

    @Test
    void errorsAndEmptyResultsAreExplained() throws Exception {
        browser.open(shared.url("/#/explorer?from=2026-10-01&to=2026-10-02&granularity=HOURLY&groupBy=team"));
        assertThat(browser.text(".notice-error")).contains("HOURLY granularity needs an hourly CUR export");
        browser.screenshot("explorer-error");

        browser.open(shared.url("/#/explorer?from=2025-01-01&to=2025-02-01&granularity=MONTHLY&groupBy=team"));
        assertThat(browser.text(".notice-empty")).contains("No unblended cost in this period");

        browser.open(shared.url("/#/principal/" + URLEncoder.encode("arn:aws:iam::000000000000:user/nobody", StandardCharsets.UTF_8)));
        assertThat(browser.text(".notice-empty")).contains("never seen this principal");
    }

    @Test
    void anEmptyStoreSaysHowToLoadData(@TempDir Path folder) {
        try (DuckDbStore empty = DuckDbStore.open(new StoreSettings(folder.resolve("empty.duckdb"), "256MB", 1));
                SpendlensServer server = SpendlensServer.start(ServerSettings.loopback(0),
                        new ServerContext(empty, new Allocator(AllocationPolicy.defaults()), GeneratedStore.CLOCK))) {
            browser.open(server.url() + "#/overview");

            assertThat(browser.text(".notice-empty")).contains("holds no Bedrock charges yet").contains("./spendlens ingest");
            browser.screenshot("overview-empty-store");
        }
    }
}
