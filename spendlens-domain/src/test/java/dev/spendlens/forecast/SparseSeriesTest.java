package dev.spendlens.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SparseSeriesTest {
    private static final LocalDate START = LocalDate.of(2026, 5, 4);

    /** Spend of about 100 (30% lognormal) on a random quarter of the days, nothing on the others: a mean of about 26 a day. */
    private static double[] sparse(int days, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int day = 0; day < days; day++) {
            values[day] = random.nextDouble() < 0.25 ? 100 * Math.exp(0.3 * random.nextGaussian()) : 0;
        }
        return values;
    }

    @Test
    void intermittentSpendIsForecastAtItsMeanRateWithSaneBounds() {
        for (long seed = 1; seed <= 5; seed++) {
            Forecast forecast = new Forecaster().forecast(new DailySeries(START, sparse(120, seed)), 28, 80);

            assertThat(forecast.method()).isEqualTo(ForecastMethod.INTERMITTENT_MEAN);
            ForecastInterval month = forecast.sum(0, 28);
            // 28 days at about 26 a day: the sum and its interval hold the expected 730 and stay within a few times of it.
            assertThat(month.mean()).as("seed %d", seed).isBetween(400.0, 1_100.0);
            assertThat(month.lower()).isLessThan(730);
            assertThat(month.upper()).isGreaterThan(730).isLessThan(2_500);
            assertThat(forecast.days()).allSatisfy(day -> {
                assertThat(day.lower()).isZero();
                assertThat(day.upper()).isLessThan(400);
            });
        }
    }

    @Test
    void spendOnlyOnWorkingDaysIsRegularAndForecastAsNothingAtWeekends() {
        double[] values = new double[84];
        Random random = new Random(8);
        for (int day = 0; day < values.length; day++) {
            values[day] = day % 7 >= 5 ? 0 : 100 * Math.exp(0.1 * random.nextGaussian());
        }

        Forecast forecast = new Forecaster().forecast(new DailySeries(START, values), 14, 80);

        assertThat(PreparedHistory.intermittent(values)).isFalse();
        assertThat(forecast.method()).isNotEqualTo(ForecastMethod.INTERMITTENT_MEAN);
        assertThat(forecast.days().get(5).mean()).isCloseTo(0, within(1.0));
        assertThat(forecast.days().get(0).mean()).isCloseTo(100, within(10.0));
    }

    @Test
    void twoWeeksOfHistoryGetTheMeanOfBothWeeks() {
        double[] values = {100, 110, 90, 100, 100, 40, 40, 120, 90, 110, 100, 100, 60, 40};

        Forecast forecast = new Forecaster().forecast(new DailySeries(START, values), 7, 80);

        assertThat(forecast.method()).isEqualTo(ForecastMethod.SEASONAL_MEAN);
        assertThat(forecast.days().get(0).mean()).isCloseTo(110, within(1e-9));
        assertThat(forecast.days().get(5).mean()).isCloseTo(50, within(1e-9));
        assertThat(forecast.days()).allSatisfy(day -> assertThat(day.upper()).isGreaterThan(day.lower()));
    }

    @Test
    void oneDayOfHistoryGetsAnIntervalAroundIt() {
        Forecast forecast = new Forecaster().forecast(new DailySeries(START, new double[] {50}), 3, 80);

        assertThat(forecast.days()).allSatisfy(day -> {
            assertThat(day.mean()).isEqualTo(50);
            assertThat(day.lower()).isGreaterThanOrEqualTo(0).isLessThan(50);
            assertThat(day.upper()).isGreaterThan(50).isLessThanOrEqualTo(100);
        });
    }

    @Test
    void aSeriesWithoutSpendIsForecastAsNothing() {
        Forecast forecast = new Forecaster().forecast(new DailySeries(START, new double[70]), 14, 80);

        assertThat(forecast.days()).allSatisfy(day -> {
            assertThat(day.mean()).isZero();
            assertThat(day.upper()).isZero();
        });
        assertThat(forecast.sum(0, 14).upper()).isZero();
    }
}
