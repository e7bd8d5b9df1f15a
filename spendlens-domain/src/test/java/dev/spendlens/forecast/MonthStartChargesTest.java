package dev.spendlens.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MonthStartChargesTest {
    private static final LocalDate START = LocalDate.of(2026, 5, 1);

    /**
     * Weekdays 100, weekends 40, 8% lognormal noise, and on the first of each month {@code charge}
     * more (tax on the month's usage, or a credit when negative).
     */
    private static double[] withCharges(int days, double charge, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int day = 0; day < days; day++) {
            LocalDate date = START.plusDays(day);
            boolean weekend = date.getDayOfWeek().getValue() >= 6;
            values[day] = (weekend ? 40 : 100) * Math.exp(0.08 * random.nextGaussian()) + (date.getDayOfMonth() == 1 ? charge : 0);
        }
        return values;
    }

    @Test
    void theNextFirstOfTheMonthGetsTheCharge() {
        // 2026-05-01 to 2026-08-19: the forecast from 2026-08-20 crosses 2026-09-01, a Tuesday.
        double[] values = withCharges(111, 500, 1);

        Forecast forecast = new Forecaster().forecast(new DailySeries(START, values), 28, 80);

        int firstOfSeptember = (int) (LocalDate.of(2026, 9, 1).toEpochDay() - forecast.start().toEpochDay());
        double tuesdayBefore = forecast.days().get(firstOfSeptember - 7).mean();
        assertThat(forecast.days().get(firstOfSeptember).mean() - tuesdayBefore).isCloseTo(500, within(75.0));
        assertThat(tuesdayBefore).isCloseTo(100, within(15.0));
    }

    @Test
    void theChargeIsTakenOutOfTheHistoryTheModelsSee() {
        double[] values = withCharges(111, 500, 2);
        double[] cleaned = values.clone();

        MonthStartCharges charges = MonthStartCharges.removeFrom(START, cleaned);

        assertThat(charges.present()).isTrue();
        int firstOfJuly = (int) (LocalDate.of(2026, 7, 1).toEpochDay() - START.toEpochDay());
        assertThat(cleaned[firstOfJuly]).isCloseTo(100, within(20.0));
        assertThat(cleaned[firstOfJuly + 1]).isEqualTo(values[firstOfJuly + 1]);
    }

    @Test
    void aMonthlyCreditIsForecastAsADip() {
        double[] values = withCharges(111, -80, 3);

        Forecast forecast = new Forecaster().forecast(new DailySeries(START, values), 28, 80);

        int firstOfSeptember = (int) (LocalDate.of(2026, 9, 1).toEpochDay() - forecast.start().toEpochDay());
        assertThat(forecast.days().get(firstOfSeptember).mean()).isLessThan(forecast.days().get(firstOfSeptember - 7).mean() - 50);
    }

    @Test
    void ordinaryFirstsOfTheMonthAreLeftAlone() {
        double[] values = withCharges(111, 0, 4);
        double[] cleaned = values.clone();

        MonthStartCharges charges = MonthStartCharges.removeFrom(START, cleaned);

        assertThat(charges.present()).isFalse();
        assertThat(cleaned).isEqualTo(values);
    }
}
