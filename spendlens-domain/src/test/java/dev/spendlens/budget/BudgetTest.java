package dev.spendlens.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BudgetTest {
    private static Budget budget(BudgetPeriod period, String amount, Map<YearMonth, BigDecimal> planned) {
        return new Budget("ds", Optional.empty(), "team = data-science", period, "EUR", new BigDecimal(amount), planned,
                List.of(BudgetThreshold.parse("80%"), BudgetThreshold.parse("forecast:100%"), BudgetThreshold.parse("actual:9000")),
                Optional.of(BudgetThreshold.parse("120%")), Optional.of("data-science"));
    }

    @Test
    void periodsStartOnCalendarBoundaries() {
        LocalDate day = LocalDate.of(2026, 8, 17);

        assertThat(BudgetPeriod.MONTHLY.start(day)).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(BudgetPeriod.QUARTERLY.start(day)).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(BudgetPeriod.QUARTERLY.end(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(BudgetPeriod.ANNUAL.start(day)).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void aPlannedQuarterAddsItsPlannedMonthsAndAShareOfTheAmountForOthers() {
        Budget planned = budget(BudgetPeriod.QUARTERLY, "9000", Map.of(YearMonth.of(2026, 7), new BigDecimal("2000"), YearMonth.of(2026, 8), new BigDecimal("4000")));

        assertThat(planned.amountFor(LocalDate.of(2026, 7, 1))).isEqualByComparingTo("9000"); // 2000 + 4000 + 9000 / 3
        assertThat(budget(BudgetPeriod.MONTHLY, "5000", Map.of()).amountFor(LocalDate.of(2026, 7, 1))).isEqualByComparingTo("5000");
    }

    @Test
    void thresholdsCrossOnActualOrOnForecast() {
        Budget budget = budget(BudgetPeriod.MONTHLY, "10000", Map.of());

        List<BudgetCheck.Crossing> crossed = BudgetCheck.crossings(budget, new BigDecimal("10000"), new BigDecimal("8500"), new BigDecimal("10400"));

        assertThat(crossed).extracting(crossing -> crossing.threshold().key()).containsExactly("actual:80%", "forecast:100%");
        assertThat(crossed.get(0).limit()).isEqualByComparingTo("8000");
        assertThat(BudgetCheck.hardLimit(budget, new BigDecimal("10000"), new BigDecimal("11999"))).isEmpty();
        assertThat(BudgetCheck.hardLimit(budget, new BigDecimal("10000"), new BigDecimal("12000"))).isPresent();
    }

    @Test
    void refusesAHardLimitOnAForecastAndABadName() {
        assertThatThrownBy(() -> new Budget("ds", Optional.empty(), "", BudgetPeriod.MONTHLY, "USD", BigDecimal.TEN, Map.of(), List.of(),
                Optional.of(BudgetThreshold.parse("forecast:100%")), Optional.empty())).hasMessageContaining("actual spend");
        assertThatThrownBy(() -> new Budget("Data Science", Optional.empty(), "", BudgetPeriod.MONTHLY, "USD", BigDecimal.TEN, Map.of(), List.of(), Optional.empty(),
                Optional.empty())).hasMessageContaining("lower case");
    }
}
