package dev.spendlens.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** labels.json says what the data shows: anomalies, true teams, tag problems. Hourly, April to June 2026, 24 principals. */
class LabelsTest {
    @TempDir
    static Path out;
    static GeneratedExport export;
    static JsonNode labels;

    @BeforeAll
    static void generate() {
        export = GeneratedExport.generate(GeneratorOptions.defaults(out).withMonths(3).withFirstMonth(YearMonth.of(2026, 4)).withPrincipals(24));
        labels = export.labels();
    }

    @Test
    void labelsEveryKindOfAnomalyAfterCallerDataStarts() {
        assertThat(anomalies()).extracting(anomaly -> anomaly.get("kind").asText())
                .containsExactlyInAnyOrder("spike", "spike", "level_shift", "drift", "runaway", "new_principal");
        for (JsonNode anomaly : anomalies()) {
            assertThat(LocalDate.parse(anomaly.get("start").get("date").asText())).isAfter(LocalDate.of(2026, 4, 8));
            assertThat(anomaly.get("start").has("hour")).isTrue();
            assertThat(anomaly.get("extraCost").asDouble()).isPositive();
            assertThat(anomaly.get("team").asText()).isNotEmpty();
            assertThat(anomaly.get("model").asText()).isNotEmpty();
        }
        assertThat(export.summary().anomalies()).isEqualTo(6);
    }

    @Test
    void spikeDaysStandHighAboveTheWeekBefore() {
        for (JsonNode spike : anomalies("spike")) {
            List<Double> before = dailyCosts(spike, -7, -1);
            List<Double> during = dailyCosts(spike, 0, days(spike));
            double usual = median(before);
            assertThat(during.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).as(spike.toString()).isGreaterThan(2.5 * usual);
            assertThat(spike.get("expectedDailyCost").asDouble()).isBetween(usual * 0.3, usual * 3);
        }
    }

    @Test
    void levelShiftAndDriftRaiseSpendAndKeepItUp() {
        for (JsonNode anomaly : List.of(anomalies("level_shift").get(0), anomalies("drift").get(0))) {
            double before = mean(dailyCosts(anomaly, -7, -1));
            int settled = anomaly.get("kind").asText().equals("drift") ? 28 : 0;
            double after = mean(dailyCosts(anomaly, settled, settled + 13));
            assertThat(after).as(anomaly.toString()).isGreaterThan(1.35 * before);
        }
    }

    @Test
    void runawayGrowsHourOverHourInOneSession() {
        JsonNode runaway = anomalies("runaway").get(0);
        List<List<Object>> hours = export.query("SELECT line_item_usage_start_date, sum(line_item_unblended_cost) FROM " + export.lines()
                + " WHERE line_item_iam_principal = ? AND line_item_usage_start_date BETWEEN CAST(? AS TIMESTAMP) AND CAST(? AS TIMESTAMP)"
                + " GROUP BY 1 ORDER BY 1", runaway.get("principal").asText(), moment(runaway.get("start")), moment(runaway.get("end")));
        assertThat(hours.size()).isGreaterThan(20);
        double first = ((Number) hours.get(0).get(1)).doubleValue();
        double last = ((Number) hours.get(hours.size() - 1).get(1)).doubleValue();
        assertThat(last).isGreaterThan(5 * first);
        assertThat(runaway.get("principal").asText()).contains("/BedrockAgentCore-");
    }

    @Test
    void newPrincipalFirstCallsOnItsStartDay() {
        JsonNode newcomer = anomalies("new_principal").get(0);
        Object first = export.value("SELECT min(CAST(line_item_usage_start_date AS DATE)) FROM " + export.lines()
                + " WHERE line_item_iam_principal = ?", newcomer.get("principal").asText());
        assertThat(first.toString()).isEqualTo(newcomer.get("start").get("date").asText());
        assertThat(newcomer.get("expectedDailyCost").asDouble()).isZero();
        JsonNode principal = StreamSupport.stream(labels.get("principals").spliterator(), false)
                .filter(node -> node.get("arn").asText().equals(newcomer.get("principal").asText())).findFirst().orElseThrow();
        assertThat(principal.get("firstDay").asText()).isEqualTo(newcomer.get("start").get("date").asText());
    }

    @Test
    void principalsCarryTheTagsTheLabelsSayTheyHave() {
        for (JsonNode principal : labels.get("principals")) {
            String arn = principal.get("arn").asText();
            if (arn.endsWith("*") || !principal.has("principalTags")) {
                continue;
            }
            List<String> teams = export.strings("SELECT DISTINCT coalesce(tags['iamPrincipal/team'], '') FROM " + export.lines()
                    + " WHERE line_item_iam_principal = ?", arn);
            String tagged = principal.get("principalTags").path("iamPrincipal/team").asText("");
            assertThat(teams).as(arn).allMatch(team -> team.equals(tagged));
        }
    }

    @Test
    void untaggedPrincipalsHaveNoPrincipalTagsButSomeHaveAFallback() {
        assertThat(labels.get("untaggedPrincipals").size()).isGreaterThanOrEqualTo(3);
        for (JsonNode untagged : labels.get("untaggedPrincipals")) {
            String where = untagged.get("arn").asText().endsWith("*") ? " WHERE line_item_iam_principal LIKE ?" : " WHERE line_item_iam_principal = ?";
            String arn = untagged.get("arn").asText().replace("*", "%");
            assertThat(export.number("SELECT count(*) FROM " + export.lines() + where
                    + " AND len(list_filter(map_keys(tags), key -> key LIKE 'iamPrincipal/%')) > 0", arn)).isZero();
            String fallback = untagged.get("fallback").asText();
            if (fallback.equals("resourceTags")) {
                assertThat(export.strings("SELECT DISTINCT tags['resourceTags/team'] FROM " + export.lines() + where, arn))
                        .containsExactly(untagged.get("team").asText());
            }
            if (fallback.equals("accountTag")) {
                assertThat(export.strings("SELECT DISTINCT tags['accountTag/team'] FROM " + export.lines() + where, arn))
                        .containsExactly(untagged.get("team").asText());
            }
        }
        assertThat(StreamSupport.stream(labels.get("untaggedPrincipals").spliterator(), false).map(node -> node.get("fallback").asText()))
                .contains("none", "resourceTags", "accountTag");
    }

    @Test
    void misspelledTeamValuesAppearInTheData() {
        List<String> spellings = new ArrayList<>();
        labels.get("tagSpellings").forEach(entry -> entry.get("spellings").forEach(spelling -> spellings.add(spelling.asText())));
        assertThat(spellings).isNotEmpty();
        List<String> teams = export.strings("SELECT DISTINCT tags['iamPrincipal/team'] FROM " + export.lines()
                + " WHERE tags['iamPrincipal/team'] IS NOT NULL");
        assertThat(teams).containsAll(spellings).contains("data-science");
    }

    @Test
    void labelsRecordTheSeedOptionsAndTrueOwners() {
        assertThat(labels.get("seed").asLong()).isEqualTo(42);
        assertThat(labels.get("options").get("principals").asInt()).isEqualTo(24);
        assertThat(labels.get("principals")).hasSize(24);
        for (JsonNode principal : labels.get("principals")) {
            assertThat(principal.get("team").asText()).isNotEmpty();
            assertThat(principal.get("costCenter").asText()).matches("\\d{5}");
        }
    }

    private static String moment(JsonNode moment) {
        return "%s %02d:00:00".formatted(moment.get("date").asText(), moment.get("hour").asInt());
    }

    private static List<JsonNode> anomalies() {
        return StreamSupport.stream(labels.get("anomalies").spliterator(), false).toList();
    }

    private static List<JsonNode> anomalies(String kind) {
        return anomalies().stream().filter(anomaly -> anomaly.get("kind").asText().equals(kind)).toList();
    }

    private static int days(JsonNode anomaly) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(anomaly.get("start").get("date").asText()),
                LocalDate.parse(anomaly.get("end").get("date").asText()));
    }

    // The anomaly's series (its principal and usage types), day by day, from start + first to start + last.
    private static List<Double> dailyCosts(JsonNode anomaly, int first, int last) {
        LocalDate start = LocalDate.parse(anomaly.get("start").get("date").asText());
        List<String> usageTypes = StreamSupport.stream(anomaly.get("usageTypes").spliterator(), false).map(JsonNode::asText).toList();
        List<Double> costs = new ArrayList<>();
        for (int offset = first; offset <= last; offset++) {
            LocalDate day = start.plusDays(offset);
            costs.add(export.number("SELECT sum(line_item_unblended_cost) FROM " + export.lines()
                    + " WHERE line_item_iam_principal = ? AND CAST(line_item_usage_start_date AS DATE) = CAST(? AS DATE)"
                    + " AND list_contains(?::VARCHAR[], line_item_usage_type)", anomaly.get("principal").asText(), day.toString(),
                    "[" + String.join(",", usageTypes) + "]"));
        }
        return costs;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
