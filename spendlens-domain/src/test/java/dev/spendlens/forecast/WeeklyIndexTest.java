package dev.spendlens.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WeeklyIndexTest {
    /** Eight weeks: five working days at {@code weekdays[0..4]}, weekends at {@code weekdays[5..6]}, 15% lognormal noise. */
    private static double[] weeks(double[] weekdays, long seed) {
        Random random = new Random(seed);
        double[] values = new double[56];
        for (int day = 0; day < 56; day++) {
            values[day] = weekdays[day % 7] * Math.exp(0.15 * random.nextGaussian());
        }
        return values;
    }

    private static double spread(double[] index, int from, int to) {
        double[] group = Arrays.copyOfRange(index, from, to);
        return Arrays.stream(group).max().orElseThrow() - Arrays.stream(group).min().orElseThrow();
    }

    @Test
    void workingDaysThatDifferOnlyByNoiseShareOneFactor() {
        double[] weekdays = {100, 100, 100, 100, 100, 30, 30};
        double pooledSpread = 0;
        double rawSpread = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] values = weeks(weekdays, seed);
            pooledSpread += spread(WeeklyIndex.multiplicative(values), 0, 5);
            rawSpread += spread(rawIndex(values), 0, 5);
        }

        assertThat(pooledSpread).isLessThan(0.5 * rawSpread);
    }

    @Test
    void aWeekdayThatReallyDiffersKeepsItsOwnFactor() {
        double[] index = WeeklyIndex.multiplicative(weeks(new double[] {160, 100, 100, 100, 100, 30, 30}, 5));

        assertThat(index[0] / index[1]).isCloseTo(1.6, within(0.2));
        assertThat(index[5] / index[1]).isCloseTo(0.3, within(0.08));
    }

    @Test
    void aSeriesWithoutWeeklyPatternGetsFlatFactors() {
        double[] index = WeeklyIndex.multiplicative(weeks(new double[] {100, 100, 100, 100, 100, 100, 100}, 6));

        assertThat(Arrays.stream(index).boxed().toList()).allSatisfy(factor -> assertThat(factor).isCloseTo(1, within(0.05)));
    }

    @Test
    void additiveAmountsSumToZero() {
        double[] index = WeeklyIndex.additive(weeks(new double[] {100, 100, 100, 100, 100, 30, 30}, 7));

        assertThat(Arrays.stream(index).sum()).isCloseTo(0, within(1e-9));
        assertThat(index[5]).isCloseTo(-50, within(10.0));
    }

    // Each weekday's mean over the weeks divided by the mean of all days: the unpooled index.
    private static double[] rawIndex(double[] values) {
        double total = Arrays.stream(values).sum() / values.length;
        double[] index = new double[7];
        for (int day = 0; day < values.length; day++) {
            index[day % 7] += values[day] / total / (values.length / 7);
        }
        return index;
    }
}
