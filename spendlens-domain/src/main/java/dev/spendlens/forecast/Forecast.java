package dev.spendlens.forecast;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The forecast of a daily series: the method the backtest chose, and for each day ahead a mean and
 * a prediction interval at {@code level} percent, calibrated on the method's past errors.
 *
 * @param method the method chosen
 * @param start the first forecast day
 * @param level the interval's level in percent, e.g. 80
 * @param days one interval per day from {@code start}
 * @param backtestError the chosen method's mean absolute backtest error relative to the series' scale; NaN when there was too little history to backtest
 * @param calibration the past errors the intervals come from
 */
public record Forecast(ForecastMethod method, LocalDate start, int level, List<ForecastInterval> days, double backtestError, Calibration calibration) {
    public Forecast {
        requireNonNull(method, "method is null");
        requireNonNull(start, "start is null");
        days = List.copyOf(requireNonNull(days, "days is null"));
        requireNonNull(calibration, "calibration is null");
    }

    public int horizon() {
        return days.size();
    }

    public LocalDate date(int index) {
        return start.plusDays(index);
    }

    /** The sum of days {@code from} (inclusive) to {@code to} (exclusive), with an interval calibrated on past sums over the same days ahead. */
    public ForecastInterval sum(int from, int to) {
        if (from < 0 || to > days.size() || from > to) {
            throw new IllegalArgumentException("days %d to %d are outside the forecast's %d days".formatted(from, to, days.size()));
        }
        double mean = 0;
        for (int day = from; day < to; day++) {
            mean += days.get(day).mean();
        }
        if (from == to) {
            return new ForecastInterval(0, 0, 0);
        }
        double[] quantiles = calibration.sumQuantiles(from, to, level);
        double lower = mean + quantiles[0];
        double upper = mean + quantiles[1];
        if (calibration.nonNegative()) {
            lower = Math.max(0, lower);
        }
        return new ForecastInterval(mean, Math.min(lower, mean), Math.max(upper, mean));
    }

    /** The days from {@code from} (inclusive) to {@code to} (exclusive) as dated points. */
    public List<DatedInterval> points() {
        List<DatedInterval> points = new ArrayList<>();
        for (int day = 0; day < days.size(); day++) {
            points.add(new DatedInterval(date(day), days.get(day)));
        }
        return points;
    }

    /** One forecast day. */
    public record DatedInterval(LocalDate date, ForecastInterval interval) {
        public DatedInterval {
            requireNonNull(date, "date is null");
            requireNonNull(interval, "interval is null");
        }
    }
}
