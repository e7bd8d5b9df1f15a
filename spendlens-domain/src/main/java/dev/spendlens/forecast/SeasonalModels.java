package dev.spendlens.forecast;

import java.util.Arrays;

/** The seasonal benchmarks (last week repeated, the mean of the same weekday over a few weeks) and the mean for intermittent spend. */
final class SeasonalModels {
    private static final int SEASON = ForecastMethod.SEASON;

    private SeasonalModels() {}

    static double[] naive(double[] history, int horizon) {
        int n = history.length;
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = history[n - SEASON + (h % SEASON)];
        }
        return forecast;
    }

    static double[] mean(double[] history, int horizon, int weeks) {
        int n = history.length;
        int usable = Math.min(weeks, n / SEASON);
        double[] profile = new double[SEASON];
        for (int day = 0; day < SEASON; day++) {
            double sum = 0;
            for (int week = 0; week < usable; week++) {
                sum += history[n - SEASON * (week + 1) + day];
            }
            profile[day] = sum / usable;
        }
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = profile[h % SEASON];
        }
        return forecast;
    }

    static double[] intermittentMean(double[] history, int horizon, int window) {
        int n = history.length;
        int length = Math.min(n, window);
        double[] y = Arrays.copyOfRange(history, n - length, n);
        double sum = 0;
        for (double value : y) {
            sum += value;
        }
        double[] index = WeeklyIndex.ofMeans(y);
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = sum / length * index[(length + h) % SEASON];
        }
        return forecast;
    }
}
