package dev.spendlens.forecast;

import java.util.Arrays;

/**
 * A seasonal trend model: multiplicative weekly indices (medians of each weekday's ratio to its
 * centred weekly mean), then a Theil-Sen slope over the deseasonalised weekly means, a level taken
 * as a trimmed mean of the last four weeks projected to the origin, and a damped trend ahead.
 * Medians and trimmed means everywhere, so that one anomalous day moves neither the level nor the slope.
 */
final class SeasonalTrend {
    private static final int SEASON = ForecastMethod.SEASON;
    /** Per-day damping of the slope: after a month about half of the slope is left. */
    private static final double DAMPING = 0.995;

    private SeasonalTrend() {}

    static double[] forecast(double[] history, int horizon, int window) {
        int n = history.length;
        int length = Math.min(n, window);
        if (length < 2 * SEASON) {
            return SeasonalModels.naive(history, horizon);
        }
        double[] y = Arrays.copyOfRange(history, n - length, n);
        double[] index = seasonalIndex(y);
        double[] deseasonalised = deseasonalise(y, index);
        double slope = slope(deseasonalised);
        int recent = Math.min(length, 4 * SEASON);
        double[] projected = new double[recent];
        for (int i = 0; i < recent; i++) {
            int position = length - recent + i;
            projected[i] = deseasonalised[position] + slope * (length - 1 - position);
        }
        double level = trimmedMean(projected);
        double[] forecast = new double[horizon];
        double trend = 0;
        double damping = 1;
        for (int h = 0; h < horizon; h++) {
            damping *= DAMPING;
            trend += slope * damping;
            // Day length + h of the window has the weekday of position (length + h) % 7 in the window's numbering.
            forecast[h] = (level + trend) * index[(length + h) % SEASON];
        }
        return forecast;
    }

    /**
     * Simple exponential smoothing of the deseasonalised series (no trend): a level that follows
     * recent days more than old ones, times the weekly indices.
     */
    static double[] smoothed(double[] history, int horizon, int window, double alpha) {
        int n = history.length;
        int length = Math.min(n, window);
        if (length < 2 * SEASON) {
            return SeasonalModels.naive(history, horizon);
        }
        double[] y = Arrays.copyOfRange(history, n - length, n);
        double[] index = seasonalIndex(y);
        double[] deseasonalised = deseasonalise(y, index);
        double level = 0;
        for (int i = 0; i < SEASON; i++) {
            level += deseasonalised[i];
        }
        level /= SEASON;
        for (int i = SEASON; i < length; i++) {
            level = alpha * deseasonalised[i] + (1 - alpha) * level;
        }
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = level * index[(length + h) % SEASON];
        }
        return forecast;
    }

    /**
     * The deseasonalised level of the last week, when it differs from the three weeks before by far
     * more than day-to-day noise explains (a level shift, a new workload, a stopped one); empty otherwise.
     */
    static java.util.OptionalDouble shiftedLevel(double[] history) {
        int n = history.length;
        int length = Math.min(n, 56);
        if (length < 4 * SEASON) {
            return java.util.OptionalDouble.empty();
        }
        double[] y = Arrays.copyOfRange(history, n - length, n);
        double[] deseasonalised = deseasonalise(y, seasonalIndex(y));
        double[] before = Arrays.copyOfRange(deseasonalised, length - 4 * SEASON, length - SEASON);
        double[] last = Arrays.copyOfRange(deseasonalised, length - SEASON, length);
        double earlier = median(before);
        double recent = median(last);
        double[] deviations = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            deviations[i] = Math.abs(before[i] - earlier);
        }
        double noise = 1.4826 * median(deviations);
        int above = 0;
        int below = 0;
        for (double value : last) {
            above += value > earlier + 2 * noise ? 1 : 0;
            below += value < earlier - 2 * noise ? 1 : 0;
        }
        boolean shifted = Math.abs(recent - earlier) > Math.max(4 * noise / Math.sqrt(SEASON), 0.15 * Math.abs(earlier)) && Math.max(above, below) >= 6;
        return shifted ? java.util.OptionalDouble.of(recent) : java.util.OptionalDouble.empty();
    }

    /** Each value divided by its weekday's factor (a zero factor leaves the value as it is). */
    static double[] deseasonalise(double[] y, double[] index) {
        double[] deseasonalised = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double factor = index[i % SEASON];
            deseasonalised[i] = factor > 0 ? y[i] / factor : y[i];
        }
        return deseasonalised;
    }

    /** Seven factors, mean 1, indexed by position modulo 7 in {@code y}. */
    static double[] seasonalIndex(double[] y) {
        int length = y.length;
        double[][] ratios = new double[SEASON][length / SEASON + 1];
        int[] counts = new int[SEASON];
        double running = 0;
        for (int i = 0; i < SEASON; i++) {
            running += y[i];
        }
        // Centred 7-day mean around position i = window [i - 3, i + 3].
        for (int i = 3; i + 3 < length; i++) {
            if (i > 3) {
                running += y[i + 3] - y[i - 4];
            }
            double mean = running / SEASON;
            if (mean > 0) {
                int day = i % SEASON;
                ratios[day][counts[day]++] = y[i] / mean;
            }
        }
        double[] index = new double[SEASON];
        double total = 0;
        for (int day = 0; day < SEASON; day++) {
            index[day] = counts[day] == 0 ? 1 : trimmedMean(Arrays.copyOf(ratios[day], counts[day]));
            total += index[day];
        }
        if (total <= 0) {
            Arrays.fill(index, 1);
            return index;
        }
        for (int day = 0; day < SEASON; day++) {
            index[day] = index[day] * SEASON / total;
        }
        return index;
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
