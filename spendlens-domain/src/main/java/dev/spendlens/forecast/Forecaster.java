package dev.spendlens.forecast;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecasts a daily series. The history is first prepared ({@link PreparedHistory}: month-start
 * charges out, recent level shifts followed); every candidate method is then backtested on the
 * series' own past (rolling origins a week apart, each prepared the same way and forecasting as far
 * ahead as asked), and the first candidate keeps the series unless a challenger errs clearly less.
 * The chosen method's errors from origins a day apart become the prediction intervals.
 */
public final class Forecaster {
    /** The shortest training history of a backtest origin. */
    static final int MIN_TRAINING = 28;
    /** Origins, a week apart, on which the candidates are compared. */
    static final int MAX_ORIGINS = 16;
    static final int ORIGIN_STEP = 7;
    /**
     * Origins, a day apart, whose errors calibrate the chosen method's intervals. Sixteen weekly
     * origins leave the 2.5% tails of a 95% interval to two or three errors per day ahead; every
     * origin there is (up to 120) gives the tails enough to rest on (measured in docs/benchmarks.md).
     */
    static final int CALIBRATION_ORIGINS = 120;
    /**
     * A challenger replaces the first candidate only when its backtest error is this much smaller:
     * backtests on a few weeks are noisy, and a method that won by chance forecasts worse than the
     * combination (measured in docs/benchmarks.md).
     */
    static final double CHALLENGER_MARGIN = 0.9;

    private final List<ForecastMethod> candidates;

    /** With every method as a candidate, the combined forecast first. */
    public Forecaster() {
        this(List.of(ForecastMethod.COMBINED, ForecastMethod.SEASONAL_NAIVE, ForecastMethod.SEASONAL_MEAN, ForecastMethod.SEASONAL_TREND,
                ForecastMethod.SEASONAL_TREND_ADDITIVE, ForecastMethod.SEASONAL_TREND_LONG, ForecastMethod.SMOOTHED_LEVEL,
                ForecastMethod.INTERMITTENT_MEAN));
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
        int n = history.length;
        int backtestDays = Math.min(horizon, n - MIN_TRAINING);
        PreparedHistory prepared = PreparedHistory.of(series.start(), history);
        List<ForecastMethod> eligible = eligible(prepared);
        ForecastMethod method;
        double score = Double.NaN;
        PastErrors past;
        if (backtestDays >= ForecastMethod.SEASON) {
            List<Integer> origins = origins(n, backtestDays, ORIGIN_STEP, MAX_ORIGINS);
            double[][][] forecasts = backtest(series, eligible, origins, backtestDays);
            int chosen = 0;
            double[] scores = new double[eligible.size()];
            for (int candidate = 0; candidate < eligible.size(); candidate++) {
                scores[candidate] = meanAbsoluteError(history, origins, forecasts[candidate]);
                if (candidate > 0 && scores[candidate] < scores[chosen] * CHALLENGER_MARGIN) {
                    chosen = candidate;
                }
            }
            method = eligible.get(chosen);
            score = scores[chosen];
            past = backtestErrors(series, method, backtestDays);
        } else {
            method = young(eligible);
            past = youngErrors(history);
        }
        double[] mean = prepared.forecast(method, horizon);
        Calibration calibration = calibration(mean, past, history);
        return new Forecast(method, series.end(), level, intervals(mean, calibration, level), score, calibration);
    }

    private static Calibration calibration(double[] mean, PastErrors past, double[] history) {
        double scale = scale(history, history.length);
        double[] references = new double[mean.length];
        for (int day = 0; day < mean.length; day++) {
            references[day] = Calibration.reference(mean[day], scale);
        }
        return new Calibration(past.errors(), past.references(), references, ForecastMethod.nonNegative(history));
    }

    private static List<ForecastInterval> intervals(double[] mean, Calibration calibration, int level) {
        List<ForecastInterval> days = new ArrayList<>(mean.length);
        for (int day = 0; day < mean.length; day++) {
            double[] offsets = calibration.dayQuantiles(day, level);
            double lower = mean[day] + Math.min(0, offsets[0]);
            double upper = mean[day] + Math.max(0, offsets[1]);
            if (calibration.nonNegative()) {
                lower = Math.max(0, lower);
            }
            days.add(new ForecastInterval(mean[day], Math.min(lower, mean[day]), upper));
        }
        return days;
    }

    // Intermittent spend gets the intermittent mean alone: daily absolute errors would reward the methods that forecast nothing.
    private List<ForecastMethod> eligible(PreparedHistory prepared) {
        if (prepared.intermittent() && candidates.contains(ForecastMethod.INTERMITTENT_MEAN)) {
            return List.of(ForecastMethod.INTERMITTENT_MEAN);
        }
        List<ForecastMethod> regular = candidates.stream().filter(method -> method != ForecastMethod.INTERMITTENT_MEAN).toList();
        return regular.isEmpty() ? candidates : regular;
    }

    // Too young to backtest: the mean of the weeks there are is steadier than last week alone.
    private static ForecastMethod young(List<ForecastMethod> eligible) {
        for (ForecastMethod method : List.of(ForecastMethod.INTERMITTENT_MEAN, ForecastMethod.SEASONAL_MEAN, ForecastMethod.SEASONAL_NAIVE)) {
            if (eligible.contains(method)) {
                return method;
            }
        }
        return eligible.get(0);
    }

    /**
     * Past errors ({@code actual - forecast}) and their references ({@link Calibration#reference}),
     * one row per origin, one column per day ahead.
     */
    private record PastErrors(double[][] errors, double[][] references) {}

    private static PastErrors backtestErrors(DailySeries series, ForecastMethod method, int days) {
        double[] history = series.values();
        List<Integer> origins = origins(history.length, days, 1, CALIBRATION_ORIGINS);
        double[][] forecasts = backtest(series, List.of(method), origins, days)[0];
        double[][] errors = new double[origins.size()][days];
        double[][] references = new double[origins.size()][days];
        for (int row = 0; row < origins.size(); row++) {
            int origin = origins.get(row);
            double scale = scale(history, origin);
            for (int h = 0; h < days; h++) {
                errors[row][h] = history[origin + h] - forecasts[row][h];
                references[row][h] = Calibration.reference(forecasts[row][h], scale);
            }
        }
        return new PastErrors(errors, references);
    }

    /**
     * Errors a series too young to backtest is taken to make: its week-on-week changes, or with
     * less than eight days its day-to-day changes, or with one day the whole value either way;
     * each one day ahead, relative to the series' mean daily spend.
     */
    private static PastErrors youngErrors(double[] history) {
        int n = history.length;
        double[][] errors;
        if (n <= 1) {
            errors = n == 0 ? new double[0][0] : new double[][] {{history[0]}, {-history[0]}};
        } else {
            int lag = n > ForecastMethod.SEASON ? ForecastMethod.SEASON : 1;
            errors = new double[n - lag][1];
            for (int t = lag; t < n; t++) {
                errors[t - lag][0] = history[t] - history[t - lag];
            }
        }
        double[][] references = new double[errors.length][1];
        for (double[] row : references) {
            row[0] = scale(history, n);
        }
        return new PastErrors(errors, references);
    }

    // The latest origin leaves exactly backtestDays of actuals after it; earlier ones step back.
    private static List<Integer> origins(int n, int backtestDays, int step, int most) {
        List<Integer> origins = new ArrayList<>();
        for (int origin = n - backtestDays; origin >= MIN_TRAINING && origins.size() < most; origin -= step) {
            origins.add(origin);
        }
        return origins;
    }

    // Each origin's history is prepared once and forecast by every method: [method][origin][day ahead].
    private static double[][][] backtest(DailySeries series, List<ForecastMethod> methods, List<Integer> origins, int days) {
        double[] history = series.values();
        double[][][] forecasts = new double[methods.size()][origins.size()][];
        for (int row = 0; row < origins.size(); row++) {
            PreparedHistory prepared = PreparedHistory.of(series.start(), Arrays.copyOf(history, origins.get(row)));
            for (int m = 0; m < methods.size(); m++) {
                forecasts[m][row] = prepared.forecast(methods.get(m), days);
            }
        }
        return forecasts;
    }

    // Errors relative to the mean daily spend of the four weeks before each origin, so that every origin counts alike.
    private static double meanAbsoluteError(double[] history, List<Integer> origins, double[][] forecasts) {
        double sum = 0;
        int count = 0;
        for (int row = 0; row < origins.size(); row++) {
            int origin = origins.get(row);
            double scale = scale(history, origin);
            for (int h = 0; h < forecasts[row].length; h++) {
                sum += Math.abs(history[origin + h] - forecasts[row][h]) / scale;
                count++;
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
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
}
