package dev.spendlens.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LevelShiftTest {
    private static final LocalDate START = LocalDate.of(2026, 5, 4);

    /** Weekdays at {@code weekday}, weekends at 40% of it, 8% lognormal noise. */
    private static double[] weekly(int days, double weekday, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int day = 0; day < days; day++) {
            values[day] = (day % 7 >= 5 ? 0.4 : 1.0) * weekday * Math.exp(0.08 * random.nextGaussian());
        }
        return values;
    }

    private static double meanOf(Forecast forecast, int from, int to) {
        double sum = 0;
        for (int day = from; day < to; day++) {
            sum += forecast.days().get(day).mean();
        }
        return sum / (to - from);
    }

    @Test
    void findsANewWorkloadThreeDaysAfterItStarted() {
        double[] values = weekly(84, 100, 1);
        // Day 81 is a Thursday: from then on a new workload adds 150 a day.
        for (int day = 81; day < 84; day++) {
            values[day] += 150;
        }

        List<LevelShift> shifts = LevelShift.find(values);

        assertThat(shifts).hasSize(1);
        assertThat(shifts.get(0).day()).isEqualTo(81);
        assertThat(shifts.get(0).after()).isGreaterThan(2 * shifts.get(0).before());
    }

    @Test
    void aSpikeOfTwoDaysIsNotAShift() {
        double[] values = weekly(84, 100, 2);
        values[82] *= 4;
        values[83] *= 4;

        assertThat(LevelShift.find(values)).isEmpty();
    }

    @Test
    void ordinaryNoiseIsNotAShift() {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(LevelShift.find(weekly(112, 100, seed))).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void theForecastFollowsALevelShiftWithinAFewDays() {
        // A level shift four days before the end: the following weeks are forecast at the new level, not between the two.
        double[] values = weekly(112, 100, 3);
        double[] shifted = values.clone();
        for (int day = 108; day < 112; day++) {
            shifted[day] *= 2;
        }

        Forecast before = new Forecaster().forecast(new DailySeries(START, values), 28, 80);
        Forecast after = new Forecaster().forecast(new DailySeries(START, shifted), 28, 80);

        assertThat(meanOf(after, 0, 28) / meanOf(before, 0, 28)).isBetween(1.8, 2.2);
    }

    @Test
    void aStoppedWorkloadIsFollowedDownWithoutNegativeDays() {
        double[] values = weekly(112, 100, 4);
        for (int day = 105; day < 112; day++) {
            values[day] = day % 7 >= 5 ? 0 : 10 * Math.exp(0.05 * Math.sin(day));
        }

        Forecast forecast = new Forecaster().forecast(new DailySeries(START, values), 14, 80);

        assertThat(meanOf(forecast, 0, 14)).isLessThan(15);
        assertThat(forecast.days()).allSatisfy(day -> assertThat(day.lower()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void theDaysBeforeABreakGetWhatTheBreakAdded() {
        double[] values = new double[56];
        for (int day = 0; day < 56; day++) {
            values[day] = (day % 7 >= 5 ? 20 : 100) + (day >= 50 ? 60 : 0);
        }

        double[] adjusted = LevelShift.adjust(values, List.of(new LevelShift(50, 84, 144)));

        // An added workload adds an amount: weekends rise by as much as weekdays.
        assertThat(adjusted[0]).isCloseTo(160, within(1e-9));
        assertThat(adjusted[5]).isCloseTo(80, within(1e-9));
        assertThat(adjusted[52]).isCloseTo(160, within(1e-9));
    }
}
