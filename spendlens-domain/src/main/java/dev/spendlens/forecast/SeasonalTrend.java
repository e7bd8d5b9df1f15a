package dev.spendlens.forecast;

import java.util.Arrays;

/**
 * A seasonal trend model: weekly indices ({@link WeeklyIndex}), then a Theil-Sen slope over the
 * weekday-adjusted weekly means, a level taken as a trimmed mean of the last four weeks projected
 * to the origin, and a damped trend ahead. Medians and trimmed means everywhere, so that one
 * anomalous day moves neither the level nor the slope. Also the exponentially smoothed level the
 * combination uses.
 */
final class SeasonalTrend {
    private static final int SEASON = ForecastMethod.SEASON;
    /** Days whose weekday-adjusted values, projected to the origin along the slope, make the level. */
    private static final int LEVEL_DAYS = 4 * SEASON;
    /**
     * Per-day damping of the slope: after four weeks about three quarters of the slope is left
     * (a growth seen over eight weeks rarely holds unchanged for as long again).
     */
    private static final double DAMPING = 0.99;

    private SeasonalTrend() {}

    /** The trend fitted on the last {@code window} days, with multiplicative or additive weekly indices. */
    static double[] forecast(double[] history, int horizon, int window, boolean additive) {
        int n = history.length;
        int length = Math.min(n, window);
        if (length < 2 * SEASON) {
            return SeasonalModels.mean(history, horizon, 4);
        }
        double[] y = Arrays.copyOfRange(history, n - length, n);
        double[] index = additive ? WeeklyIndex.additive(y) : WeeklyIndex.multiplicative(y);
        double[] adjusted = new double[length];
        for (int i = 0; i < length; i++) {
            adjusted[i] = adjust(y[i], index[i % SEASON], additive);
        }
        double slope = slope(adjusted);
        int recent = Math.min(length, LEVEL_DAYS);
        double[] projected = new double[recent];
        for (int i = 0; i < recent; i++) {
            int position = length - recent + i;
            projected[i] = adjusted[position] + slope * (length - 1 - position);
        }
        double level = trimmedMean(projected);
        double[] forecast = new double[horizon];
        double trend = 0;
        double damping = 1;
        for (int h = 0; h < horizon; h++) {
            damping *= DAMPING;
            trend += slope * damping;
            // Day length + h of the window has the weekday of position (length + h) % 7 in the window's numbering.
            double factor = index[(length + h) % SEASON];
            forecast[h] = additive ? level + trend + factor : (level + trend) * factor;
        }
        return forecast;
    }

    /**
     * Simple exponential smoothing of the weekday-adjusted series (no trend): a level that
     * follows recent days more than old ones, times the weekly indices.
     */
    static double[] smoothed(double[] history, int horizon, int window, double alpha) {
        int n = history.length;
        int length = Math.min(n, window);
        if (length < 2 * SEASON) {
            return SeasonalModels.mean(history, horizon, 4);
        }
        double[] y = Arrays.copyOfRange(history, n - length, n);
        double[] index = WeeklyIndex.multiplicative(y);
        double level = 0;
        for (int i = 0; i < SEASON; i++) {
            level += adjust(y[i], index[i], false);
        }
        level /= SEASON;
        for (int i = SEASON; i < length; i++) {
            level = alpha * adjust(y[i], index[i % SEASON], false) + (1 - alpha) * level;
        }
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = level * index[(length + h) % SEASON];
        }
        return forecast;
    }

    /** A value with its weekday's index taken out (a zero factor leaves the value as it is). */
    static double adjust(double value, double index, boolean additive) {
        if (additive) {
            return value - index;
        }
        return index > 0 ? value / index : value;
    }

    /** Theil-Sen slope per day over the means of the complete weeks that end at the last day. */
    private static double slope(double[] values) {
        int weeks = values.length / SEASON;
        if (weeks < 2) {
            return 0;
        }
        double[] means = new double[weeks];
        int offset = values.length - weeks * SEASON;
        for (int week = 0; week < weeks; week++) {
            double sum = 0;
            for (int day = 0; day < SEASON; day++) {
                sum += values[offset + week * SEASON + day];
            }
            means[week] = sum / SEASON;
        }
        double[] slopes = new double[weeks * (weeks - 1) / 2];
        int count = 0;
        for (int i = 0; i < weeks; i++) {
            for (int j = i + 1; j < weeks; j++) {
                slopes[count++] = (means[j] - means[i]) / ((j - i) * (double) SEASON);
            }
        }
        return median(slopes);
    }

    /** The mean of the middle 60%: nearly as steady as a mean on ordinary days, and unmoved by a few anomalous ones. */
    static double trimmedMean(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int cut = (int) Math.floor(sorted.length * 0.2);
        double sum = 0;
        for (int i = cut; i < sorted.length - cut; i++) {
            sum += sorted[i];
        }
        return sum / (sorted.length - 2 * cut);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
