package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.finance.FactCalendar;
import dev.spendlens.forecast.Accuracy;
import dev.spendlens.forecast.DailySeries;
import dev.spendlens.forecast.Forecast;
import dev.spendlens.forecast.ForecastInterval;
import dev.spendlens.forecast.ForecastMethod;
import dev.spendlens.forecast.Forecaster;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges the forecaster on a store's own history: for the total, every team, the biggest models,
 * principals and accounts, forecasts made at several past origins are compared with what happened,
 * by MASE (against the weekly seasonal naive in-sample error) and by the coverage of the intervals.
 * The weekly seasonal naive forecast is scored the same way, as the reference.
 */
public final class ForecastBenchmark {
    private final StoreAccess access;

    public ForecastBenchmark(StoreAccess access) {
        this.access = requireNonNull(access, "access is null");
    }

    /**
     * The scores over all series and origins.
     *
     * @param series how many series were scored
     * @param forecasts series times origins that could be scored
     * @param mase the mean MASE of Spendlens' forecasts
     * @param naiveMase the mean MASE of the weekly seasonal naive forecasts
     * @param covered days whose actual fell inside the interval
     * @param days days forecast
     * @param methods how often each method was chosen
     * @param logRatioSum the sum over forecasts of log(MASE / naive MASE), for the geometric mean of the relative MASE
     */
    public record Result(int series, int forecasts, double mase, double naiveMase, int covered, int days, Map<ForecastMethod, Integer> methods, double logRatioSum) {
        public double ratio() {
            return mase / naiveMase;
        }

        /** The geometric mean of each forecast's MASE relative to the naive one's: unlike the ratio of means, not dominated by a few unforecastable series. */
        public double geometricRatio() {
            return Math.exp(logRatioSum / forecasts);
        }

        public double coverage() {
            return (double) covered / days;
        }
    }

    /** Forecasts {@code horizon} days from {@code origins} origins, {@code horizon} days apart, ending at the last day of data. */
    public Result run(int horizon, int origins, int level, int topPerDimension) {
        return run(horizon, origins, level, topPerDimension, new Forecaster());
    }

    /** The same with a given forecaster, such as one restricted to a single method. */
    public Result run(int horizon, int origins, int level, int topPerDimension, Forecaster forecaster) {
        LocalDate[] span = FactCalendar.span(access.store()).orElseThrow();
        LocalDate start = span[0];
        LocalDate end = span[1].plusDays(1);
        int length = (int) ChronoUnit.DAYS.between(start, end);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("total", load(start, end, length, Optional.empty()).get(List.of()));
        for (String key : List.of("team", "MODEL", "PRINCIPAL", "LINKED_ACCOUNT")) {
            Map<List<String>, double[]> groups = load(start, end, length, Optional.of(access.fields().parse(key)));
            groups.entrySet().stream()
                    .filter(entry -> !entry.getKey().get(0).startsWith("__"))
                    .sorted(Comparator.comparingDouble((Map.Entry<List<String>, double[]> entry) -> -Arrays.stream(entry.getValue()).sum()))
                    .limit(key.equals("team") ? Integer.MAX_VALUE : topPerDimension)
                    .forEach(entry -> series.put(key + "=" + entry.getKey().get(0), entry.getValue()));
        }
        double maseSum = 0;
        double naiveSum = 0;
        int scored = 0;
        int covered = 0;
        int days = 0;
        double logRatioSum = 0;
        Map<ForecastMethod, Integer> methods = new LinkedHashMap<>();
        for (double[] values : series.values()) {
            for (int k = 1; k <= origins; k++) {
                int origin = length - k * horizon;
                int first = firstSpend(values);
                if (origin - first < 8 * 7) {
                    continue; // at least eight weeks of history before the origin
                }
                double[] training = Arrays.copyOfRange(values, first, origin);
                double[] actual = Arrays.copyOfRange(values, origin, origin + horizon);
                Forecast forecast = forecaster.forecast(new DailySeries(start.plusDays(first), training), horizon, level);
                double[] mean = forecast.days().stream().mapToDouble(ForecastInterval::mean).toArray();
                double mase = Accuracy.mase(training, actual, mean);
                double naive = Accuracy.mase(training, actual, ForecastMethod.SEASONAL_NAIVE.forecast(training, horizon));
                if (Double.isNaN(mase) || Double.isNaN(naive)) {
                    continue;
                }
                maseSum += mase;
                logRatioSum += Math.log(Math.max(mase, 1e-9) / Math.max(naive, 1e-9));
                naiveSum += naive;
                scored++;
                covered += Accuracy.covered(actual, forecast);
                days += horizon;
                methods.merge(forecast.method(), 1, Integer::sum);
            }
        }
        return new Result(series.size(), scored, maseSum / scored, naiveSum / scored, covered, days, methods, logRatioSum);
    }

    private static int firstSpend(double[] values) {
        int first = 0;
        while (first < values.length - 1 && values[first] == 0) {
            first++;
        }
        return first;
    }

    private Map<List<String>, double[]> load(LocalDate start, LocalDate end, int length, Optional<Field> groupBy) {
        CostResult result = access.engine().run(new CostQuery(new TimePeriod(start, end), Granularity.DAILY, List.of(Metric.UNBLENDED_COST),
                groupBy.stream().toList(), Optional.empty()));
        Map<List<String>, double[]> series = new LinkedHashMap<>();
        for (ResultByTime bucket : result.resultsByTime()) {
            int index = (int) ChronoUnit.DAYS.between(start, bucket.start().toLocalDate());
            if (groupBy.isEmpty()) {
                series.computeIfAbsent(List.of(), ignored -> new double[length])[index] = bucket.total().get(Metric.UNBLENDED_COST).amount().doubleValue();
            }
            for (CostGroup group : bucket.groups()) {
                series.computeIfAbsent(new ArrayList<>(group.keys()), ignored -> new double[length])[index] = group.metrics().get(Metric.UNBLENDED_COST).amount().doubleValue();
            }
        }
        return series;
    }
}
