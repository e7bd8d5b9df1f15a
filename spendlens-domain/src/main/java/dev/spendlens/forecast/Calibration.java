package dev.spendlens.forecast;

import java.util.Arrays;

/**
 * Past errors of a method, from which its prediction intervals are read: for each backtest origin
 * and each day ahead, {@code (actual - forecast) / scale}, where scale is the mean absolute value of
 * the four weeks before that origin. Intervals are empirical quantiles of these errors, times the
 * series' current scale: no distribution is assumed, so skewed spend gets skewed intervals.
 */
public final class Calibration {
    /** Neighbouring days ahead pooled with each day, so that a quantile rests on enough errors. */
    private static final int POOL = 3;

    private final double[][] errors;
    private final double scale;
    private final boolean nonNegative;

    /**
     * @param errors one row per backtest origin, one column per day ahead; rows may be empty when there was no backtest
     * @param scale the series' current scale, to turn relative errors into amounts
     * @param nonNegative true when the series never went below 0, so that lower bounds stop at 0
     */
    Calibration(double[][] errors, double scale, boolean nonNegative) {
        this.errors = errors;
        this.scale = scale;
        this.nonNegative = nonNegative;
    }

    /** How many past forecasts the intervals rest on. */
    public int origins() {
        return errors.length;
    }

    /** How many days ahead were backtested. */
    public int backtestedDays() {
        return errors.length == 0 ? 0 : errors[0].length;
    }

    boolean nonNegative() {
        return nonNegative;
    }

    /** The offsets from the mean of the lower and upper bound for day {@code day} ahead (0-based). */
    double[] dayQuantiles(int day, int level) {
        int backtested = backtestedDays();
        if (backtested == 0) {
            return new double[] {0, 0};
        }
        int anchor = Math.min(day, backtested - 1);
        int from = Math.max(0, anchor - POOL);
        int to = Math.min(backtested, anchor + POOL + 1);
        double[] pooled = new double[errors.length * (to - from)];
        int count = 0;
        for (double[] row : errors) {
            for (int h = from; h < to; h++) {
                pooled[count++] = row[h];
            }
        }
        // Past the backtested days, errors are assumed to grow like a random walk's.
        double stretch = day < backtested ? 1 : Math.sqrt((day + 1.0) / backtested);
        return bounds(pooled, level, scale * stretch);
    }

    /** The offsets of the bounds of a sum over days {@code from} to {@code to} (exclusive) ahead. */
    double[] sumQuantiles(int from, int to, int level) {
        int backtested = backtestedDays();
        if (backtested == 0) {
            return new double[] {0, 0};
        }
        int length = to - from;
        double stretch = 1;
        int start = from;
        int end = to;
        if (end > backtested) {
            // Use the furthest backtested window of the same length (or all of it), stretched like a random walk.
            end = backtested;
            start = Math.max(0, backtested - length);
            stretch = Math.sqrt((double) to / backtested) * Math.sqrt((double) length / (end - start));
        }
        double[] sums = new double[errors.length];
        for (int origin = 0; origin < errors.length; origin++) {
            double sum = 0;
            for (int h = start; h < end; h++) {
                sum += errors[origin][h];
            }
            sums[origin] = sum;
        }
        return bounds(sums, level, scale * stretch);
    }

    private static double[] bounds(double[] values, int level, double factor) {
        double tail = (100 - level) / 200.0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {quantile(sorted, tail) * factor, quantile(sorted, 1 - tail) * factor};
    }

    /** Linear interpolation between order statistics (Hyndman and Fan's type 7, as R's default). */
    static double quantile(double[] sorted, double probability) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double weight = position - below;
        return sorted[below] * (1 - weight) + sorted[above] * weight;
    }
}
