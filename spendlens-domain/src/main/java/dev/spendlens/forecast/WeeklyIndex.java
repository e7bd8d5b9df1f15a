package dev.spendlens.forecast;

import java.util.Arrays;

/**
 * Weekly seasonal indices: how each weekday departs from its centred weekly mean, as a factor
 * (multiplicative) or an amount (additive). Each weekday's index is a trimmed mean over the
 * weeks, so one anomalous day barely moves it, and is then shrunk towards the mean of its group
 * (the busy days or the quiet days) as far as its own noise warrants: with eight weeks of data a
 * weekday's index rests on eight noisy values, while most spend has one level on working days and
 * another at weekends, which the group mean estimates from five or two times as many.
 */
final class WeeklyIndex {
    private static final int SEASON = ForecastMethod.SEASON;

    private WeeklyIndex() {}

    /** Seven factors with mean 1, indexed by position modulo 7 in {@code y}. */
    static double[] multiplicative(double[] y) {
        double[][] ratios = deviations(y, false);
        double[] index = new double[SEASON];
        double[] variances = new double[SEASON];
        double total = 0;
        for (int day = 0; day < SEASON; day++) {
            index[day] = ratios[day].length == 0 ? 1 : SeasonalTrend.trimmedMean(ratios[day]);
            variances[day] = varianceOfMean(ratios[day]);
            total += index[day];
        }
        if (total <= 0) {
            Arrays.fill(index, 1);
            return index;
        }
        double normaliser = SEASON / total;
        for (int day = 0; day < SEASON; day++) {
            index[day] *= normaliser;
            variances[day] *= normaliser * normaliser;
        }
        return withTotal(pooled(index, variances), SEASON, false);
    }

    /** Seven amounts summing to 0, indexed by position modulo 7 in {@code y}. */
    static double[] additive(double[] y) {
        double[][] differences = deviations(y, true);
        double[] index = new double[SEASON];
        double[] variances = new double[SEASON];
        double total = 0;
        for (int day = 0; day < SEASON; day++) {
            index[day] = differences[day].length == 0 ? 0 : SeasonalTrend.trimmedMean(differences[day]);
            variances[day] = varianceOfMean(differences[day]);
            total += index[day];
        }
        for (int day = 0; day < SEASON; day++) {
            index[day] -= total / SEASON;
        }
        return withTotal(pooled(index, variances), 0, true);
    }

    // Each day against the mean of the seven days centred on it: a ratio, or a difference when additive.
    private static double[][] deviations(double[] y, boolean additive) {
        int length = y.length;
        double[][] values = new double[SEASON][length / SEASON + 1];
        int[] counts = new int[SEASON];
        double running = 0;
        for (int i = 0; i < Math.min(SEASON, length); i++) {
            running += y[i];
        }
        for (int i = 3; i + 3 < length; i++) {
            if (i > 3) {
                running += y[i + 3] - y[i - 4];
            }
            double mean = running / SEASON;
            int day = i % SEASON;
            if (additive) {
                values[day][counts[day]++] = y[i] - mean;
            } else if (mean > 0) {
                values[day][counts[day]++] = y[i] / mean;
            }
        }
        double[][] trimmed = new double[SEASON][];
        for (int day = 0; day < SEASON; day++) {
            trimmed[day] = Arrays.copyOf(values[day], counts[day]);
        }
        return trimmed;
    }

    /**
     * Splits the seven indices into the two groups that are most alike within (the best cut of the
     * sorted values), then moves each index towards its group's mean by the empirical Bayes weight
     * noise / (noise + spread): all the way when the weekdays of a group differ no more than their
     * noise explains, hardly at all when they clearly differ.
     */
    static double[] pooled(double[] index, double[] variances) {
        Integer[] order = new Integer[SEASON];
        for (int day = 0; day < SEASON; day++) {
            order[day] = day;
        }
        Arrays.sort(order, (a, b) -> Double.compare(index[a], index[b]));
        int split = 0;
        double bestCost = Double.MAX_VALUE;
        for (int candidate = 0; candidate < SEASON; candidate++) {
            double cost = squaredDeviations(index, order, 0, candidate) + squaredDeviations(index, order, candidate, SEASON);
            if (cost < bestCost - 1e-12) {
                bestCost = cost;
                split = candidate;
            }
        }
        double[] pooled = index.clone();
        if (!distinct(index, variances, order, split)) {
            // The two groups differ no more than noise explains: one level all week.
            split = 0;
        }
        shrink(index, variances, order, 0, split, pooled);
        shrink(index, variances, order, split, SEASON, pooled);
        return pooled;
    }

    /**
     * A weekly index from plain means: each weekday's mean over the weeks divided by the mean of
     * all days, pooled like the others. Trimmed ratios say nothing about spend that is 0 on most
     * days; plain means are its rate.
     */
    static double[] ofMeans(double[] y) {
        double total = 0;
        for (double value : y) {
            total += value;
        }
        double[] index = new double[SEASON];
        double[] variances = new double[SEASON];
        if (total <= 0 || y.length < SEASON) {
            Arrays.fill(index, 1);
            return index;
        }
        double mean = total / y.length;
        for (int day = 0; day < SEASON; day++) {
            double[] values = new double[(y.length - day + SEASON - 1) / SEASON];
            int count = 0;
            for (int i = day; i < y.length; i += SEASON) {
                values[count++] = y[i] / mean;
            }
            double sum = 0;
            for (double value : values) {
                sum += value;
            }
            index[day] = sum / count;
            variances[day] = varianceOfMean(values);
        }
        double normaliser = 0;
        for (double value : index) {
            normaliser += value;
        }
        normaliser = SEASON / normaliser;
        // A weekday that happened to have no spend in these weeks has no spread of its own: every weekday gets their mean spread.
        double variance = 0;
        for (int day = 0; day < SEASON; day++) {
            variance += variances[day] / SEASON;
        }
        for (int day = 0; day < SEASON; day++) {
            index[day] *= normaliser;
            variances[day] = variance * normaliser * normaliser;
        }
        return withTotal(pooled(index, variances), SEASON, false);
    }

    // Shrinking weekdays by different weights moves the week's total: factors are scaled back to mean 1, amounts shifted back to sum 0.
    private static double[] withTotal(double[] index, double total, boolean additive) {
        double sum = 0;
        for (double value : index) {
            sum += value;
        }
        for (int day = 0; day < SEASON; day++) {
            if (additive) {
                index[day] += (total - sum) / SEASON;
            } else if (sum > 0) {
                index[day] *= total / sum;
            }
        }
        return index;
    }

    // Whether the group means differ by more than twice the standard error of their difference.
    private static boolean distinct(double[] index, double[] variances, Integer[] order, int split) {
        if (split == 0 || split == SEASON) {
            return false;
        }
        double[] means = new double[2];
        double[] noises = new double[2];
        int[][] groups = {{0, split}, {split, SEASON}};
        for (int g = 0; g < 2; g++) {
            int size = groups[g][1] - groups[g][0];
            for (int i = groups[g][0]; i < groups[g][1]; i++) {
                means[g] += index[order[i]] / size;
                noises[g] += variances[order[i]] / ((double) size * size);
            }
        }
        return Math.abs(means[1] - means[0]) > 2 * Math.sqrt(noises[0] + noises[1]);
    }

    private static void shrink(double[] index, double[] variances, Integer[] order, int from, int to, double[] pooled) {
        int size = to - from;
        if (size < 2) {
            return;
        }
        double mean = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            mean += index[order[i]];
            noise += variances[order[i]];
        }
        mean /= size;
        noise /= size;
        double spread = squaredDeviations(index, order, from, to) / (size - 1);
        double signal = Math.max(0, spread - noise);
        for (int i = from; i < to; i++) {
            int day = order[i];
            double variance = variances[day];
            double weight = variance + signal <= 0 ? 1 : variance / (variance + signal);
            pooled[day] = mean + (1 - weight) * (index[day] - mean);
        }
    }

    private static double squaredDeviations(double[] index, Integer[] order, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += index[order[i]];
        }
        mean /= to - from;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (index[order[i]] - mean) * (index[order[i]] - mean);
        }
        return sum;
    }

    private static double varianceOfMean(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / (values.length - 1) / values.length;
    }
}
