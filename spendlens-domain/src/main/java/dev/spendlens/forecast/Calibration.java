package dev.spendlens.forecast;

import java.util.Arrays;

/**
 * Past errors of a method, from which its prediction intervals are read. For each backtest origin
 * and each day ahead the error {@code actual - forecast} is divided by that day's reference: the
 * forecast itself, but at least a quarter of the series' mean daily spend of the four weeks before
 * the origin. Errors of spend grow with spend, so a quiet weekend gets a narrower interval than a
 * busy Monday, while the floor keeps days forecast near 0 (a sparse series) from getting none.
 * Intervals are empirical quantiles of these relative errors, pooled over neighbouring days ahead,
 * times the reference of the day forecast: no distribution is assumed, so skewed spend gets skewed
 * intervals, and errors that grow with the horizon give intervals that widen with it.
 */
public final class Calibration {
    /** Neighbouring days ahead pooled with each day, so that a quantile rests on enough errors. */
    private static final int POOL = 3;
    /** The least reference of a day, as a share of the mean daily spend of the four weeks before the origin. */
    static final double FLOOR = 0.25;

    private final double[][] errors;
    private final double[][] references;
    private final double[] forecastReferences;
    private final boolean nonNegative;

    /**
     * @param errors {@code actual - forecast}, one row per backtest origin, one column per day ahead
     * @param references the reference of each of those days (see the class comment)
     * @param forecastReferences the reference of each day of the forecast
     * @param nonNegative true when the series never went below 0, so that lower bounds stop at 0
     */
    Calibration(double[][] errors, double[][] references, double[] forecastReferences, boolean nonNegative) {
        this.errors = errors;
        this.references = references;
        this.forecastReferences = forecastReferences;
        this.nonNegative = nonNegative;
    }

    /** The reference of a forecast day: the forecast, but at least {@link #FLOOR} of {@code scale}. */
    static double reference(double forecast, double scale) {
        return Math.max(Math.abs(forecast), FLOOR * scale);
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
        for (int origin = 0; origin < errors.length; origin++) {
            for (int h = from; h < to; h++) {
                pooled[count++] = errors[origin][h] / references[origin][h];
            }
        }
        // Past the backtested days, errors are assumed to grow like a random walk's. A series too young to backtest has
        // week-on-week changes for errors (or less, when younger than a week): they stand for the first week ahead.
        double reach = backtested == 1 ? ForecastMethod.SEASON : backtested;
        double stretch = day < reach ? 1 : Math.sqrt((day + 1.0) / reach);
        return bounds(pooled, level, forecastReferences[day] * stretch);
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
        if (backtested == 1) {
            // Errors of single days (a series too young to backtest): a sum of days has their noise, which adds up like
            // independent errors, and the error of the level they were all forecast from, which is the same every day.
            end = 1;
            start = 0;
            stretch = Math.sqrt(length + (double) length * length / errors.length);
        } else if (end > backtested) {
            // Use the furthest backtested window of the same length (or all of it), stretched like a random walk.
            end = backtested;
            start = Math.max(0, backtested - length);
            stretch = Math.sqrt((double) to / backtested) * Math.sqrt((double) length / (end - start));
        }
        double[] sums = new double[errors.length];
        for (int origin = 0; origin < errors.length; origin++) {
            double error = 0;
            double reference = 0;
            for (int h = start; h < end; h++) {
                error += errors[origin][h];
                reference += references[origin][h];
            }
            sums[origin] = error / reference * (end - start);
        }
        double forecastReference = 0;
        for (int day = from; day < to; day++) {
            forecastReference += forecastReferences[day];
        }
        return bounds(sums, level, forecastReference / length * stretch);
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
