package dev.spendlens.costquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The arguments of a cost query as a caller writes them: metrics, granularity, time period, group-bys. */
class CostQueryArgumentsTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UnblendedCost        | UNBLENDED_COST
            unblendedcost        | UNBLENDED_COST
            UNBLENDED_COST       | UNBLENDED_COST
            ' NetUnblendedCost ' | NET_UNBLENDED_COST
            NET_UNBLENDED_COST   | NET_UNBLENDED_COST
            UsageQuantity        | USAGE_QUANTITY
            usage_quantity       | USAGE_QUANTITY
            Tokens               | TOKENS
            """)
    void parsesMetricsByTheirApiOrEnumName(String text, Metric metric) {
        assertThat(Metric.parse(text)).isEqualTo(metric);
    }

    @Test
    void rejectsAnUnknownMetricListingTheKnownOnes() {
        assertThatThrownBy(() -> Metric.parse("BlendedCost"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("'BlendedCost'")
                .hasMessageContaining("UnblendedCost, NetUnblendedCost, UsageQuantity, Tokens");
    }

    @Test
    void tellsCostMetricsFromQuantities() {
        assertThat(Metric.UNBLENDED_COST.isCost()).isTrue();
        assertThat(Metric.NET_UNBLENDED_COST.isCost()).isTrue();
        assertThat(Metric.USAGE_QUANTITY.isCost()).isFalse();
        assertThat(Metric.TOKENS.isCost()).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HOURLY      | HOURLY
            daily       | DAILY
            ' Monthly ' | MONTHLY
            """)
    void parsesGranularityIgnoringCase(String text, Granularity granularity) {
        assertThat(Granularity.parse(text)).isEqualTo(granularity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEEKLY", "", "day"})
    void rejectsAnUnknownGranularityListingTheKnownOnes(String text) {
        assertThatThrownBy(() -> Granularity.parse(text))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("'" + text + "'").hasMessageContaining("HOURLY, DAILY, MONTHLY");
    }

    // start                  | end                     | start day  | end day
    @ParameterizedTest(name = "{0} .. {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-05-01             | 2026-06-01              | 2026-05-01 | 2026-06-01
            2026-05-01             | 2026-05-02              | 2026-05-01 | 2026-05-02
            2026-05-01T00:00:00Z   | 2026-05-02T00:00:00Z    | 2026-05-01 | 2026-05-02
            ' 2026-05-01T00:00:00Z'| '2026-05-03 '           | 2026-05-01 | 2026-05-03
            """)
    void parsesDatesAndCostExplorerTimestamps(String start, String end, LocalDate startDay, LocalDate endDay) {
        assertThat(TimePeriod.parse(start, end, "Start", "End")).isEqualTo(new TimePeriod(startDay, endDay));
    }

    @Test
    void treatsTheEndAsExclusive() {
        assertThatThrownBy(() -> TimePeriod.parse("2026-05-01", "2026-05-01", "Start", "End"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("exclusive");
        assertThatThrownBy(() -> new TimePeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 1)))
                .hasMessageContaining("end 2026-05-01 must be after start 2026-06-01");
    }

    // start        | end          | named parameter
    @ParameterizedTest(name = "{0} .. {1} blames {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-13-01   | 2026-06-01   | TimePeriod.Start | 2026-13-01
            2026-05-01   | 2026-06-31   | TimePeriod.End   | 2026-06-31
            05/01/2026   | 2026-06-01   | TimePeriod.Start | 05/01/2026
            2026-05-01   | ''           | TimePeriod.End   | ''
            yesterday    | 2026-06-01   | TimePeriod.Start | yesterday
            """)
    void namesTheParameterOfABadDate(String start, String end, String parameter, String bad) {
        assertThatThrownBy(() -> TimePeriod.parse(start, end, "TimePeriod.Start", "TimePeriod.End"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("%s '%s' is not a date like 2026-05-01".formatted(parameter, bad));
    }

    @Test
    void needsAtLeastOneMetric() {
        assertThatThrownBy(() -> new CostQuery(period(), Granularity.DAILY, List.of(), List.of(), Optional.empty()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("at least one metric");
    }

    @Test
    void rejectsAGroupByListedTwice() {
        List<Field> groupBy = List.of(new Field.Builtin(Dimension.PRINCIPAL), new Field.Allocation("team"), new Field.Builtin(Dimension.PRINCIPAL));

        assertThatThrownBy(() -> new CostQuery(period(), Granularity.DAILY, List.of(Metric.UNBLENDED_COST), groupBy, Optional.empty()))
                .hasMessageContaining("PRINCIPAL");
    }

    @Test
    void findsBuiltInDimensionsIgnoringCase() {
        assertThat(Dimension.find(" principal ")).contains(Dimension.PRINCIPAL);
        assertThat(Dimension.find("TOKEN_TYPE")).contains(Dimension.TOKEN_TYPE);
        assertThat(Dimension.find("team")).isEmpty();
    }

    @Test
    void labelsFieldsAsTheyAreWritten() {
        assertThat(new Field.Builtin(Dimension.LINKED_ACCOUNT).label()).isEqualTo("LINKED_ACCOUNT");
        assertThat(new Field.Allocation("cost-center").label()).isEqualTo("cost-center");
        assertThat(new Field.Tag("iamPrincipal/team").label()).isEqualTo("TAG:iamPrincipal/team");
    }

    @Test
    void rejectsAnUnknownMatchOptionSayingWhere() {
        assertThat(MatchOption.parse("CASE_INSENSITIVE", "Filter.Tags")).isEqualTo(MatchOption.CASE_INSENSITIVE);
        assertThatThrownBy(() -> MatchOption.parse("LIKE", "Filter.Tags.MatchOptions"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FILTER))
                .hasMessageStartingWith("Filter.Tags.MatchOptions: MatchOptions value 'LIKE'");
    }

    private static TimePeriod period() {
        return new TimePeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1));
    }
}
