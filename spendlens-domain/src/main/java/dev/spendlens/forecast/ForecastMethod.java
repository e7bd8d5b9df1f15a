package dev.spendlens.forecast;

/**
 * The forecasting methods a series can be given. Which one a series gets is decided by a backtest
 * ({@link Forecaster}); all of them assume daily data with a weekly season.
 */
public enum ForecastMethod {
    /** Each day repeats the same weekday of the last week: the benchmark every method must beat. */
    SEASONAL_NAIVE,
    /** Each day is the mean of the same weekday over the last four weeks: for flat, noisy series. */
    SEASONAL_MEAN,
    /** Weekly seasonal indices times a robust, damped linear trend fitted on the last eight weeks. */
    SEASONAL_TREND,
    /** The same on the last four weeks: reacts faster to a change of level. */
    SEASONAL_TREND_SHORT,
    /**
     * The mean of both seasonal trends, the seasonal mean and an exponentially smoothed seasonal
     * level, following the last week instead when its level shifted: combined forecasts err less
     * than their parts.
     */
    COMBINED;

    static final int SEASON = 7;

    /** The forecast of the {@code horizon} days after {@code history}; never throws on short or empty history. */
    public double[] forecast(double[] history, int horizon) {
        if (history.length == 0) {
            return new double[horizon];
        }
        if (history.length < SEASON) {
            return flat(history, horizon);
        }
        double[] forecast = switch (this) {
            case SEASONAL_NAIVE -> SeasonalModels.naive(history, horizon);
            case SEASONAL_MEAN -> SeasonalModels.mean(history, horizon, 4);
            case SEASONAL_TREND -> SeasonalTrend.forecast(history, horizon, 56);
            case SEASONAL_TREND_SHORT -> SeasonalTrend.forecast(history, horizon, 28);
            case COMBINED -> combined(history, horizon);
        };
        if (nonNegative(history)) {
            for (int i = 0; i < forecast.length; i++) {
                forecast[i] = Math.max(0, forecast[i]);
            }
        }
        return forecast;
    }

    /** Shown to people: {@code seasonal trend (8 weeks)}. */
    public String describe() {
        return switch (this) {
            case SEASONAL_NAIVE -> "seasonal naive (last week repeated)";
            case SEASONAL_MEAN -> "seasonal mean (same weekday, 4 weeks)";
            case SEASONAL_TREND -> "seasonal trend (8 weeks, damped)";
            case SEASONAL_TREND_SHORT -> "seasonal trend (4 weeks, damped)";
            case COMBINED -> "combined (trends and seasonal mean)";
        };
    }

    private static double[] combined(double[] history, int horizon) {
        double[] longTrend = SeasonalTrend.forecast(history, horizon, 56);
        double[] shortTrend = SeasonalTrend.forecast(history, horizon, 28);
        double[] mean = SeasonalModels.mean(history, horizon, 4);
        double[] smoothed = SeasonalTrend.smoothed(history, horizon, 56, 0.2);
        double[] combined = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            combined[h] = (longTrend[h] + shortTrend[h] + 2 * mean[h] + 2 * smoothed[h]) / 6;
        }
        // After a change of level in the last week, the older weeks would hold the forecast back: follow the last week.
        java.util.OptionalDouble shifted = SeasonalTrend.shiftedLevel(history);
        if (shifted.isPresent()) {
            int length = Math.min(history.length, 56);
            double[] index = SeasonalTrend.seasonalIndex(java.util.Arrays.copyOfRange(history, history.length - length, history.length));
            for (int h = 0; h < horizon; h++) {
                combined[h] = shifted.getAsDouble() * index[(length + h) % SEASON];
            }
        }
        return combined;
    }

    private static double[] flat(double[] history, int horizon) {
        double sum = 0;
        for (double value : history) {
            sum += value;
        }
        double[] forecast = new double[horizon];
        java.util.Arrays.fill(forecast, sum / history.length);
        return forecast;
    }

    static boolean nonNegative(double[] values) {
        for (double value : values) {
            if (value < 0) {
                return false;
            }
        }
        return true;
    }
}
