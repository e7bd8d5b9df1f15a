package dev.spendlens.forecast;

/** The seasonal benchmarks: last week repeated, and the mean of the same weekday over a few weeks. */
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
}
