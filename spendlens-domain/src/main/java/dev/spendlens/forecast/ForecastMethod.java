package dev.spendlens.forecast;

/**
 * The forecasting methods a series can be given. Which one a series gets is decided by a backtest
 * ({@link Forecaster}), except for intermittent spend, which gets {@link #INTERMITTENT_MEAN}; all
 * of them assume daily data with a weekly season.
 */
public enum ForecastMethod {
    /** Each day repeats the same weekday of the last week: the benchmark every method must beat. */
    SEASONAL_NAIVE,
    /** Each day is the mean of the same weekday over the last four weeks: for flat, noisy series. */
    SEASONAL_MEAN,
    /** Weekly seasonal factors times a robust, damped linear trend fitted on the last eight weeks. */
    SEASONAL_TREND,
    /** The same with weekly amounts added instead of factors: for spend whose weekend dip does not grow with it. */
    SEASONAL_TREND_ADDITIVE,
    /** The multiplicative seasonal trend fitted on the last twelve weeks: steadier where the series is. */
    SEASONAL_TREND_LONG,
    /** An exponentially smoothed level times weekly factors: follows slow drifts without a trend. */
    SMOOTHED_LEVEL,
    /**
     * The mean daily spend of the last eight weeks, spread over the weekdays by their pooled share
     * of it: for spend that comes and goes, whose medians and trimmed means would say 0.
     */
    INTERMITTENT_MEAN,
    /**
     * The mean of the eight- and twelve-week seasonal trends and the smoothed level: combined
     * forecasts err less than their parts, as their errors partly cancel.
     */
    COMBINED;

    static final int SEASON = 7;
    private static final int EIGHT_WEEKS = 8 * SEASON;
    private static final int TWELVE_WEEKS = 12 * SEASON;
    /** The smoothed level's weight on each new day: its memory is about a week and a half. */
    private static final double SMOOTHING = 0.2;

    /**
     * The forecast of the {@code horizon} days after {@code history}, by this method alone on the
     * history as it is (the {@link Forecaster} first takes out month-start charges and level
     * shifts); never throws on short or empty history.
     */
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
            case SEASONAL_TREND -> SeasonalTrend.forecast(history, horizon, EIGHT_WEEKS, false);
            case SEASONAL_TREND_ADDITIVE -> SeasonalTrend.forecast(history, horizon, EIGHT_WEEKS, true);
            case SEASONAL_TREND_LONG -> SeasonalTrend.forecast(history, horizon, TWELVE_WEEKS, false);
            case SMOOTHED_LEVEL -> SeasonalTrend.smoothed(history, horizon, EIGHT_WEEKS, SMOOTHING);
            case INTERMITTENT_MEAN -> SeasonalModels.intermittentMean(history, horizon, EIGHT_WEEKS);
            case COMBINED -> combined(history, horizon);
        };
        if (nonNegative(history)) {
            for (int i = 0; i < forecast.length; i++) {
                forecast[i] = Math.max(0, forecast[i]);
            }
        }
        return forecast;
    }

    /** Shown to people: {@code seasonal trend (8 weeks, damped)}. */
    public String describe() {
        return switch (this) {
            case SEASONAL_NAIVE -> "seasonal naive (last week repeated)";
            case SEASONAL_MEAN -> "seasonal mean (same weekday, 4 weeks)";
            case SEASONAL_TREND -> "seasonal trend (8 weeks, damped)";
            case SEASONAL_TREND_ADDITIVE -> "seasonal trend (8 weeks, damped, additive weekdays)";
            case SEASONAL_TREND_LONG -> "seasonal trend (12 weeks, damped)";
            case SMOOTHED_LEVEL -> "smoothed level (exponential, weekly factors)";
            case INTERMITTENT_MEAN -> "intermittent mean (8 weeks, weekly shares)";
            case COMBINED -> "combined (8- and 12-week trends, smoothed level)";
        };
    }

    private static double[] combined(double[] history, int horizon) {
        double[] eightWeeks = SeasonalTrend.forecast(history, horizon, EIGHT_WEEKS, false);
        double[] twelveWeeks = SeasonalTrend.forecast(history, horizon, TWELVE_WEEKS, false);
        double[] smoothed = SeasonalTrend.smoothed(history, horizon, EIGHT_WEEKS, SMOOTHING);
        double[] combined = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            combined[h] = (eightWeeks[h] + twelveWeeks[h] + smoothed[h]) / 3;
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
