package dev.spendlens.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ForecasterTest {
    private static final LocalDate START = LocalDate.of(2026, 5, 4);

    /** Weekdays 100, weekends 40, growing 1% a week, with 10% lognormal noise. */
    private static double[] growingWeekly(int days, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int day = 0; day < days; day++) {
            double base = day % 7 >= 5 ? 40 : 100;
            values[day] = base * Math.pow(1.01, day / 7.0) * Math.exp(0.1 * random.nextGaussian());
        }
        return values;
    }

    @Test
    void repeatsAnExactWeeklyPatternAndPicksASeasonalMethod() {
        double[] values = new double[84];
        for (int day = 0; day < values.length; day++) {
            values[day] = new double[] {10, 20, 30, 40, 50, 5, 1}[day % 7];
        }

        Forecast forecast = new Forecaster().forecast(new DailySeries(START, values), 14, 80);

        for (int day = 0; day < 14; day++) {
            assertThat(forecast.days().get(day).mean()).isCloseTo(values[day % 7], within(1e-6));
        }
        assertThat(forecast.start()).isEqualTo(START.plusDays(84));
    }

    @Test
    void beatsSeasonalNaiveOnAGrowingNoisySeries() {
        double ours = 0;
        double naive = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] all = growingWeekly(150, seed);
            double[] training = java.util.Arrays.copyOf(all, 122);
            double[] actual = java.util.Arrays.copyOfRange(all, 122, 150);
            Forecast forecast = new Forecaster().forecast(new DailySeries(START, training), 28, 80);
            ours += Accuracy.mase(training, actual, forecast.days().stream().mapToDouble(ForecastInterval::mean).toArray());
            naive += Accuracy.mase(training, actual, ForecastMethod.SEASONAL_NAIVE.forecast(training, 28));
        }

        assertThat(ours).isLessThan(0.8 * naive);
    }

    @Test
    void eightyPercentIntervalsCoverAboutEightyPercent() {
        int covered = 0;
        int total = 0;
        for (long seed = 1; seed <= 40; seed++) {
            double[] all = growingWeekly(150, seed);
            double[] training = java.util.Arrays.copyOf(all, 122);
            double[] actual = java.util.Arrays.copyOfRange(all, 122, 150);
            Forecast forecast = new Forecaster().forecast(new DailySeries(START, training), 28, 80);
            covered += Accuracy.covered(actual, forecast);
            total += actual.length;
        }

        assertThat((double) covered / total).isBetween(0.70, 0.90);
    }

    @Test
    void aMonthSumHasAnIntervalAroundTheSumOfMeans() {
        double[] values = growingWeekly(120, 3);
        Forecast forecast = new Forecaster().forecast(new DailySeries(START, values), 30, 95);

        ForecastInterval month = forecast.sum(0, 30);

        double means = forecast.days().stream().mapToDouble(ForecastInterval::mean).sum();
        assertThat(month.mean()).isCloseTo(means, within(1e-6));
        assertThat(month.lower()).isLessThan(month.mean());
        assertThat(month.upper()).isGreaterThan(month.mean());
    }

    @Test
    void shortHistoryStillForecastsWithoutFailing() {
        Forecast forecast = new Forecaster().forecast(new DailySeries(START, new double[] {5, 6, 7, 5, 6, 1, 1, 5, 6}), 10, 80);

        // Too young to backtest: the mean of the weeks there are (one here, so last week repeated).
        assertThat(forecast.method()).isEqualTo(ForecastMethod.SEASONAL_MEAN);
        assertThat(forecast.days().get(0).mean()).isCloseTo(7, within(1e-9));
        assertThat(forecast.days()).hasSize(10).allSatisfy(day -> assertThat(day.lower()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void neverForecastsBelowZeroForSpendThatNeverWas() {
        double[] values = new double[70];
        for (int day = 0; day < 70; day++) {
            values[day] = Math.max(0, 50 - day);
        }
        Forecast forecast = new Forecaster().forecast(new DailySeries(START, values), 30, 95);

        assertThat(forecast.days()).allSatisfy(day -> assertThat(day.lower()).isGreaterThanOrEqualTo(0));
    }
}
