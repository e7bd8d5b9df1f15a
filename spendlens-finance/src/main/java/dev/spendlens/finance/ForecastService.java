package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.MetricValue;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.finance.FactCalendar;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.forecast.DailySeries;
import dev.spendlens.forecast.Forecast;
import dev.spendlens.forecast.ForecastInterval;
import dev.spendlens.forecast.Forecaster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forecasts spend from the store's daily facts: the total and any group (team, principal, model,
 * account ...), each series with the method its own backtest chose; and month-end and quarter-end
 * projections with their drivers.
 */
public final class ForecastService {
    /** At most a year of history: older behaviour says little about next month's. */
    static final int HISTORY_DAYS = 364;
    static final String OTHER = "__other__";
    private static final int DRIVERS = 3;

    private final StoreAccess access;
    private final Forecaster forecaster = new Forecaster();

    public ForecastService(StoreAccess access) {
        this.access = requireNonNull(access, "access is null");
    }

    public ForecastAnswer forecast(ForecastRequest request) {
        LocalDate through = dataThrough(request.asOf());
        LocalDate next = through.plusDays(1);
        if (request.period().start().isBefore(next)) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "TimePeriod.Start %s must be after the last day of data, %s: forecasts start on %s"
                    .formatted(request.period().start(), through, next));
        }
        int horizon = (int) ChronoUnit.DAYS.between(next, request.period().end());
        History history = history(through, HISTORY_DAYS, request.groupBy().stream().toList(), request.filter(), request.metric());
        ForecastAnswer.Series total = series(List.of(), history.total(), request, next, horizon);
        List<ForecastAnswer.Series> groups = new ArrayList<>();
        if (request.groupBy().isPresent()) {
            for (Map.Entry<List<String>, double[]> group : top(history.groups(), request.maxGroups()).entrySet()) {
                groups.add(series(group.getKey(), group.getValue(), request, next, horizon));
            }
        }
        return new ForecastAnswer(request, through, history.unit(), total, groups);
    }

    /** Month-end and quarter-end projections of the total, or of each group, with drivers. */
    public List<Projection> project(Optional<Field> groupBy, Optional<Expression> filter, Metric metric, int level, Optional<LocalDate> asOf, int maxGroups) {
        LocalDate through = dataThrough(asOf);
        LocalDate next = through.plusDays(1);
        LocalDate monthStart = next.withDayOfMonth(1);
        LocalDate quarterStart = monthStart.withMonth((monthStart.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate quarterEnd = quarterStart.plusMonths(3);
        int horizon = (int) ChronoUnit.DAYS.between(next, quarterEnd);
        List<Field> fields = groupBy.stream().toList();
        History history = history(through, HISTORY_DAYS, fields, filter, metric);
        Map<List<String>, double[]> series = new LinkedHashMap<>();
        if (groupBy.isEmpty()) {
            series.put(List.of(), history.total());
        } else {
            series.putAll(top(history.groups(), maxGroups));
        }
        Map<String, History> driverHistories = new LinkedHashMap<>();
        for (String dimension : List.of("PRINCIPAL", "MODEL")) {
            Field driver = access.fields().parse(dimension);
            if (!fields.contains(driver)) {
                List<Field> keys = new ArrayList<>(fields);
                keys.add(driver);
                driverHistories.put(dimension, history(through, 120, keys, filter, metric));
            }
        }
        List<Projection> projections = new ArrayList<>();
        for (Map.Entry<List<String>, double[]> entry : series.entrySet()) {
            double[] values = entry.getValue();
            Forecast forecast = forecaster.forecast(trimmed(values, history.start()), horizon, level);
            BigDecimal monthToDate = actual(values, history.start(), monthStart, next);
            BigDecimal previousMonth = actual(values, history.start(), monthStart.minusMonths(1), monthStart);
            BigDecimal quarterToDate = actual(values, history.start(), quarterStart, next);
            int monthDaysLeft = (int) ChronoUnit.DAYS.between(next, monthStart.plusMonths(1));
            ForecastInterval monthEnd = forecast.sum(0, monthDaysLeft).plus(monthToDate.doubleValue());
            ForecastInterval quarter = forecast.sum(0, horizon).plus(quarterToDate.doubleValue());
            List<Projection.Driver> drivers = new ArrayList<>();
            driverHistories.forEach((dimension, driverHistory) -> drivers.addAll(drivers(dimension, entry.getKey(), driverHistory, monthStart, next, monthDaysLeft, level)));
            drivers.sort(Comparator.comparingDouble(Projection.Driver::change).reversed());
            projections.add(new Projection(entry.getKey(), forecast.method(), monthStart, monthToDate, monthEnd, previousMonth, quarterStart, quarterToDate, quarter,
                    drivers.stream().filter(driver -> driver.change() > 0).limit(2L * DRIVERS).toList()));
        }
        return projections;
    }

    private List<Projection.Driver> drivers(String dimension, List<String> group, History history, LocalDate monthStart, LocalDate next, int daysLeft, int level) {
        List<Projection.Driver> drivers = new ArrayList<>();
        for (Map.Entry<List<String>, double[]> entry : history.groups().entrySet()) {
            List<String> keys = entry.getKey();
            if (!keys.subList(0, keys.size() - 1).equals(group)) {
                continue;
            }
            double[] values = entry.getValue();
            double previous = actual(values, history.start(), monthStart.minusMonths(1), monthStart).doubleValue();
            double projected = actual(values, history.start(), monthStart, next).doubleValue();
            if (daysLeft > 0) {
                projected += forecaster.forecast(trimmed(values, history.start()), daysLeft, level).sum(0, daysLeft).mean();
            }
            drivers.add(new Projection.Driver(dimension, keys.get(keys.size() - 1), previous, projected));
        }
        drivers.sort(Comparator.comparingDouble(Projection.Driver::change).reversed());
        return drivers.stream().limit(DRIVERS).toList();
    }

    /** The last day of data: {@code asOf}, else the store's last day. */
    public LocalDate dataThrough(Optional<LocalDate> asOf) {
        LocalDate[] span = FactCalendar.span(access.store())
                .orElseThrow(() -> new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the store holds no Bedrock spend yet: ingest an export first"));
        LocalDate through = asOf.orElse(span[1]);
        if (through.isBefore(span[0])) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--as-of %s is before the first day of data, %s".formatted(through, span[0]));
        }
        return through.isAfter(span[1]) ? span[1] : through;
    }

    private ForecastAnswer.Series series(List<String> keys, double[] values, ForecastRequest request, LocalDate next, int horizon) {
        Forecast forecast = forecaster.forecast(trimmed(values, next.minusDays(values.length)), horizon, request.level());
        List<ForecastAnswer.Bucket> buckets = new ArrayList<>();
        LocalDate cursor = request.period().start();
        while (cursor.isBefore(request.period().end())) {
            LocalDate end = request.granularity() == Granularity.DAILY ? cursor.plusDays(1) : YearMonth.from(cursor).plusMonths(1).atDay(1);
            if (end.isAfter(request.period().end())) {
                end = request.period().end();
            }
            buckets.add(new ForecastAnswer.Bucket(cursor, end, forecast.sum(index(next, cursor), index(next, end))));
            cursor = end;
        }
        ForecastInterval total = forecast.sum(index(next, request.period().start()), index(next, request.period().end()));
        return new ForecastAnswer.Series(keys, forecast, buckets, total);
    }

    private static int index(LocalDate next, LocalDate day) {
        return (int) ChronoUnit.DAYS.between(next, day);
    }

    /** A series without the days before its first spend: a principal that appeared last week has a week of history, not months of zeros. */
    private static DailySeries trimmed(double[] values, LocalDate start) {
        int first = 0;
        while (first < values.length - 1 && values[first] == 0) {
            first++;
        }
        return new DailySeries(start.plusDays(first), java.util.Arrays.copyOfRange(values, first, values.length));
    }

    private static BigDecimal actual(double[] values, LocalDate start, LocalDate from, LocalDate to) {
        double sum = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            int index = (int) ChronoUnit.DAYS.between(start, day);
            if (index >= 0 && index < values.length) {
                sum += values[index];
            }
        }
        return BigDecimal.valueOf(sum);
    }

    /** The groups with the most spend over the last four weeks; the rest summed into {@value #OTHER}. */
    private static Map<List<String>, double[]> top(Map<List<String>, double[]> groups, int maxGroups) {
        List<Map.Entry<List<String>, double[]>> ranked = new ArrayList<>(groups.entrySet());
        ranked.sort(Comparator.comparingDouble((Map.Entry<List<String>, double[]> entry) -> -recent(entry.getValue()))
                .thenComparing(entry -> String.join("\u0000", entry.getKey())));
        Map<List<String>, double[]> top = new LinkedHashMap<>();
        double[] other = null;
        for (int i = 0; i < ranked.size(); i++) {
            if (i < maxGroups) {
                top.put(ranked.get(i).getKey(), ranked.get(i).getValue());
            } else {
                double[] values = ranked.get(i).getValue();
                if (other == null) {
                    other = new double[values.length];
                }
                for (int day = 0; day < values.length; day++) {
                    other[day] += values[day];
                }
            }
        }
        if (other != null) {
            List<String> key = new ArrayList<>();
            ranked.get(0).getKey().forEach(ignored -> key.add(OTHER));
            top.put(key, other);
        }
        return top;
    }

    private static double recent(double[] values) {
        double sum = 0;
        for (int day = Math.max(0, values.length - 28); day < values.length; day++) {
            sum += values[day];
        }
        return sum;
    }

    private record History(LocalDate start, String unit, double[] total, Map<List<String>, double[]> groups) {}

    private History history(LocalDate through, int days, List<Field> groupBy, Optional<Expression> filter, Metric metric) {
        LocalDate[] span = FactCalendar.span(access.store()).orElseThrow();
        LocalDate start = through.minusDays(days - 1L).isBefore(span[0]) ? span[0] : through.minusDays(days - 1L);
        int length = (int) ChronoUnit.DAYS.between(start, through) + 1;
        CostResult result = access.engine().run(new CostQuery(new TimePeriod(start, through.plusDays(1)), Granularity.DAILY, List.of(metric), groupBy, filter));
        double[] total = new double[length];
        Map<List<String>, double[]> groups = new LinkedHashMap<>();
        String unit = "";
        for (ResultByTime bucket : result.resultsByTime()) {
            int index = (int) ChronoUnit.DAYS.between(start, bucket.start().toLocalDate());
            MetricValue value = bucket.total().get(metric);
            unit = value.unit();
            total[index] = value.amount().doubleValue();
            for (CostGroup group : bucket.groups()) {
                groups.computeIfAbsent(group.keys(), ignored -> new double[length])[index] = group.metrics().get(metric).amount().doubleValue();
            }
        }
        return new History(start, unit, total, groups);
    }
}
