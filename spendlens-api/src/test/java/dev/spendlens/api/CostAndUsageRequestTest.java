package dev.spendlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.MetricValue;
import dev.spendlens.costquery.ResultByTime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CostAndUsageRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FieldParser FIELDS = new FieldParser(List.of("team"));

    @Test
    void readsAGetCostAndUsageRequestWithMoreThanTwoGroupBys() throws Exception {
        CostAndUsageRequest request = CostAndUsageRequest.parse(JSON.readTree("""
                {"TimePeriod": {"Start": "2026-07-01", "End": "2026-08-01"}, "Granularity": "DAILY", "Metrics": ["UnblendedCost", "Tokens"],
                 "GroupBy": [{"Type": "DIMENSION", "Key": "MODEL"}, {"Type": "TAG", "Key": "iamPrincipal/team"}, {"Type": "ALLOCATION", "Key": "team"}],
                 "NextPageToken": "abc"}"""), FIELDS);

        assertThat(request.query().period().start()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(request.query().granularity()).isEqualTo(Granularity.DAILY);
        assertThat(request.query().metrics()).containsExactly(Metric.UNBLENDED_COST, Metric.TOKENS);
        assertThat(request.query().groupBy()).containsExactly(new Field.Builtin(Dimension.MODEL), new Field.Tag("iamPrincipal/team"), new Field.Allocation("team"));
        assertThat(request.nextPageToken()).contains("abc");
    }

    @Test
    void namesTheMissingOrBadField() {
        assertThatThrownBy(() -> CostAndUsageRequest.parse(JSON.readTree("{\"Metrics\": [\"UnblendedCost\"]}"), FIELDS)).hasMessageStartingWith("TimePeriod is required");
        assertThatThrownBy(() -> CostAndUsageRequest.parse(JSON.readTree("{\"TimePeriod\": {\"Start\": \"2026-07-01\", \"End\": \"July\"}, \"Metrics\": [\"UnblendedCost\"]}"), FIELDS))
                .hasMessageContaining("TimePeriod.End 'July'");
        assertThatThrownBy(() -> CostAndUsageRequest.parse(JSON.readTree("{\"TimePeriod\": {\"Start\": \"2026-07-01\", \"End\": \"2026-08-01\"}, \"Metrics\": [\"BlendedCosts\"]}"), FIELDS))
                .hasMessageContaining("metric 'BlendedCosts'");
        assertThatThrownBy(() -> CostAndUsageRequest.parse(JSON.readTree("""
                {"TimePeriod": {"Start": "2026-07-01", "End": "2026-08-01"}, "Metrics": ["UnblendedCost"], "GroupBy": [{"Type": "DIMENSION"}]}"""), FIELDS))
                .hasMessageContaining("GroupBy[0].Key is required");
    }

    @Test
    void writesTheGetCostAndUsageResponseShape() {
        Map<Metric, MetricValue> cost = Map.of(Metric.UNBLENDED_COST, new MetricValue(new BigDecimal("12.3400000000"), "USD"));
        CostResult result = new CostResult(List.of(new Field.Tag("iamPrincipal/team")), List.of(new ResultByTime(LocalDateTime.parse("2026-07-01T00:00"),
                LocalDateTime.parse("2026-08-01T00:00"), cost, List.of(new CostGroup(List.of("search"), cost)), false)), Optional.of("next"));

        ObjectNode json = CostAndUsageResponse.write(result, Granularity.MONTHLY);

        assertThat(json.at("/GroupDefinitions/0/Type").asText()).isEqualTo("TAG");
        assertThat(json.at("/ResultsByTime/0/TimePeriod/Start").asText()).isEqualTo("2026-07-01");
        assertThat(json.at("/ResultsByTime/0/Total/UnblendedCost/Amount").asText()).isEqualTo("12.34");
        assertThat(json.at("/ResultsByTime/0/Groups/0/Keys/0").asText()).isEqualTo("iamPrincipal/team$search");
        assertThat(json.at("/ResultsByTime/0/Groups/0/Metrics/UnblendedCost/Unit").asText()).isEqualTo("USD");
        assertThat(json.at("/ResultsByTime/0/Estimated").asBoolean()).isFalse();
        assertThat(json.at("/NextPageToken").asText()).isEqualTo("next");
    }
}
