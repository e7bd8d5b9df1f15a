package dev.spendlens.detection;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two textbook detectors Spendlens's is measured against, on daily series. Both flag rises
 * only (a cost anomaly is spend going up), judge each day against the 28 days before it, and
 * need the same minimum impact in money as Spendlens's detector, so that only the method differs.
 */
public final class ReferenceDetector implements Detector {
    private static final int TRAILING_DAYS = 28;

    /** The two methods. */
    public enum Method {
        /** Robust z-score (median and MAD) of day-of-week-adjusted residuals over the trailing 28 days, flagged at 3.5. */
        ROBUST_Z_SCORE("robust z-score (dow-adjusted, 28 d)"),
        /** Seasonal-naive forecast (the same weekday a week before), flagged when its error is above 3 MAD of the trailing 28 days' errors. */
        SEASONAL_NAIVE("seasonal naive, error > 3 MAD");

        private final String label;

        Method(String label) {
            this.label = label;
        }
    }

    private final Method method;
    private final double minimumImpact;

    public ReferenceDetector(Method method, double minimumImpact) {
        this.method = requireNonNull(method, "method is null");
        this.minimumImpact = minimumImpact;
    }

    @Override
    public String name() {
        return method.label;
    }

    @Override
    public List<SeriesAnomaly> detect(List<TimeSeries> series) {
        return series.parallelStream().flatMap(one -> detect(one).stream()).toList();
    }

    public List<SeriesAnomaly> detect(TimeSeries series) {
        double[] values = series.values();
        int n = values.length;
        double[] forecast = new double[n];
        boolean[] flagged = new boolean[n];
        double[] scores = new double[n];
        double[] window = new double[TRAILING_DAYS];
        double[] weekday = new double[TRAILING_DAYS];
        int[] days = new int[n];
        for (int index = 0; index < n; index++) {
            days[index] = series.at(index).getDayOfWeek().getValue();
        }
        int start = method == Method.SEASONAL_NAIVE ? TRAILING_DAYS + 7 : TRAILING_DAYS;
        for (int t = start; t < n; t++) {
            double score;
            if (method == Method.ROBUST_Z_SCORE) {
                double[] medians = new double[8];
                for (int day = DayOfWeek.MONDAY.getValue(); day <= DayOfWeek.SUNDAY.getValue(); day++) {
                    int count = 0;
                    for (int k = t - TRAILING_DAYS; k < t; k++) {
                        if (days[k] == day) {
                            weekday[count++] = values[k];
                        }
                    }
                    medians[day] = Medians.median(weekday, count);
                }
                for (int k = t - TRAILING_DAYS; k < t; k++) {
                    window[k - t + TRAILING_DAYS] = values[k] - medians[days[k]];
                }
                double center = Medians.median(window, TRAILING_DAYS);
                double mad = mad(window, center);
                forecast[t] = medians[days[t]] + center;
                score = scaled(values[t] - forecast[t], 1.4826 * mad);
                flagged[t] = score >= 3.5;
            } else {
                for (int k = t - TRAILING_DAYS; k < t; k++) {
                    window[k - t + TRAILING_DAYS] = values[k] - values[k - 7];
                }
                double center = Medians.median(window, TRAILING_DAYS);
                double mad = mad(window, center);
                forecast[t] = values[t - 7];
                score = scaled(values[t] - forecast[t] - center, mad);
                flagged[t] = score > 3;
            }
            scores[t] = score;
            flagged[t] &= values[t] - forecast[t] >= minimumImpact;
        }
        List<SeriesAnomaly> anomalies = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (!flagged[t]) {
                continue;
            }
            int end = t;
            double expected = 0;
            double actual = 0;
            double score = 0;
            while (end < n && flagged[end]) {
                expected += Math.max(0, forecast[end]);
                actual += values[end];
                score = Math.max(score, Math.min(scores[end], 1e6));
                end++;
            }
            anomalies.add(new SeriesAnomaly(series.key(), AnomalyKind.SPIKE, t, end - 1, series.at(t), series.at(end), end == n, expected, actual, score,
                    String.format(Locale.ROOT, "%s: score %.1f", method.label, score)));
            t = end;
        }
        return anomalies;
    }

    private static double mad(double[] window, double center) {
        double[] deviations = new double[window.length];
        for (int index = 0; index < window.length; index++) {
            deviations[index] = Math.abs(window[index] - center);
        }
        return Medians.median(deviations, deviations.length);
    }

    // A zero MAD (a flat series) makes any rise infinitely unusual, as the textbook method says.
    private static double scaled(double deviation, double scale) {
        if (scale > 0) {
            return deviation / scale;
        }
        return deviation > 0 ? Double.POSITIVE_INFINITY : 0;
    }
}
