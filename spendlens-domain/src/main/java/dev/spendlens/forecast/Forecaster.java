package dev.spendlens.forecast;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts a daily series: every method is backtested on the series' own past (rolling origins a
 * week apart, each forecasting as far ahead as asked), the method with the smallest mean absolute
 * error wins, and its errors become the prediction intervals.
 */
public final class Forecaster {
    /** The shortest training history of a backtest origin. */
    static final int MIN_TRAINING = 28;
    static final int MAX_ORIGINS = 16;
    static final int ORIGIN_STEP = 7;

    private final List<ForecastMethod> candidates;

    /**
     * A challenger replaces the first candidate only when its backtest error is this much smaller:
     * backtests on a few weeks are noisy, and a method that won by chance forecasts worse than the
     * combination (measured in docs/benchmarks.md).
     */
    static final double CHALLENGER_MARGIN = 0.9;

    /** With every method as a candidate, the combined forecast first. */
    public Forecaster() {
        this(List.of(ForecastMethod.COMBINED, ForecastMethod.SEASONAL_NAIVE, ForecastMethod.SEASONAL_MEAN, ForecastMethod.SEASONAL_TREND,
                ForecastMethod.SEASONAL_TREND_SHORT));
    }

    /** With only these methods as candidates (one method: no choice, still calibrated). */
    public Forecaster(List<ForecastMethod> candidates) {
        this.candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
        if (this.candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one forecast method is needed");
        }
    }

    /**
     * Forecasts {@code horizon} days after the series.
     *
     * @param level the prediction interval's level in percent, 51 to 99 (Cost Explorer's range)
     */
    public Forecast forecast(DailySeries series, int horizon, int level) {
        requireNonNull(series, "series is null");
        if (horizon < 1 || horizon > 3_660) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the horizon must be 1 to 3660 days, was " + horizon);
        }
        if (level < 51 || level > 99) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the prediction interval level must be 51 to 99 percent, was " + level);
        }
        double[] history = series.values();
        boolean nonNegative = ForecastMethod.nonNegative(history);
        int n = history.length;
        int backtestDays = Math.min(horizon, n - MIN_TRAINING);
        ForecastMethod best = candidates.get(0);
        double[][] bestErrors = new double[0][0];
        double bestScore = Double.NaN;
        if (backtestDays >= ForecastMethod.SEASON) {
            List<Integer> origins = origins(n, backtestDays);
            for (ForecastMethod method : candidates) {
                double[][] errors = backtest(history, method, origins, backtestDays);
                double score = meanAbsolute(errors);
                if (Double.isNaN(bestScore) || score < bestScore * CHALLENGER_MARGIN) {
                    best = method;
                    bestScore = score;
                    bestErrors = errors;
                }
            }
        } else {
            best = candidates.contains(ForecastMethod.SEASONAL_NAIVE) ? ForecastMethod.SEASONAL_NAIVE : candidates.get(0);
            bestErrors = naiveErrors(history);
        }
        Calibration calibration = new Calibration(bestErrors, scale(history, n), nonNegative);
        double[] mean = best.forecast(history, horizon);
        List<ForecastInterval> days = new ArrayList<>(horizon);
        for (int day = 0; day < horizon; day++) {
            double[] offsets = calibration.dayQuantiles(day, level);
            double lower = mean[day] + Math.min(0, offsets[0]);
            double upper = mean[day] + Math.max(0, offsets[1]);
            if (nonNegative) {
                lower = Math.max(0, lower);
            }
            days.add(new ForecastInterval(mean[day], Math.min(lower, mean[day]), upper));
        }
        return new Forecast(best, series.end(), level, days, bestScore, calibration);
    }

    // The latest origin leaves exactly backtestDays of actuals after it; earlier ones step back a week at a time.
    private static List<Integer> origins(int n, int backtestDays) {
        List<Integer> origins = new ArrayList<>();
        for (int origin = n - backtestDays; origin >= MIN_TRAINING && origins.size() < MAX_ORIGINS; origin -= ORIGIN_STEP) {
            origins.add(origin);
        }
        return origins;
    }

    private static double[][] backtest(double[] history, ForecastMethod method, List<Integer> origins, int days) {
        double[][] errors = new double[origins.size()][days];
        for (int row = 0; row < origins.size(); row++) {
            int origin = origins.get(row);
            double[] training = java.util.Arrays.copyOf(history, origin);
            double[] forecast = method.forecast(training, days);
            double scale = scale(history, origin);
            for (int h = 0; h < days; h++) {
                errors[row][h] = (history[origin + h] - forecast[h]) / scale;
            }
        }
        return errors;
    }

    // Too short to backtest: a week-on-week change is the error of repeating last week.
    private static double[][] naiveErrors(double[] history) {
        int n = history.length;
        if (n <= ForecastMethod.SEASON) {
            return new double[0][0];
        }
        double scale = scale(history, n);
        double[][] errors = new double[n - ForecastMethod.SEASON][1];
        for (int t = ForecastMethod.SEASON; t < n; t++) {
            errors[t - ForecastMethod.SEASON][0] = (history[t] - history[t - ForecastMethod.SEASON]) / scale;
        }
        return errors;
    }

    /** The mean absolute value of the four weeks before {@code end}; 1 when they are all zero. */
    static double scale(double[] history, int end) {
        int from = Math.max(0, end - 4 * ForecastMethod.SEASON);
        double sum = 0;
        for (int i = from; i < end; i++) {
            sum += Math.abs(history[i]);
        }
        return end > from && sum > 0 ? sum / (end - from) : 1;
    }

    private static double meanAbsolute(double[][] errors) {
        double sum = 0;
        int count = 0;
        for (double[] row : errors) {
            for (double error : row) {
                sum += Math.abs(error);
                count++;
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
    }
}
