package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.CauseCell;
import dev.spendlens.detection.TimeSeries;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The series anomaly monitors watch, read from the fact tables: one series per value of a field
 * (a dimensional monitor) or one filtered total (a custom monitor), daily or hourly, every bucket
 * present (0 when nothing was spent); and the spend behind a series at the grain root causes are
 * explained at (principal x model x token type x account).
 */
public final class SeriesQuery {
    /** The key of a custom monitor's single series. */
    public static final String TOTAL = "TOTAL";

    private final DuckDbStore store;

    public SeriesQuery(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * @param from first day, inclusive
     * @param to last day, exclusive
     * @param granularity daily or hourly
     * @param split the field whose every value is a series; empty for one total series
     * @param group the field that groups series (the role of a principal), when there is one
     * @param filter a Cost Explorer Expression every charge must match
     */
    public List<TimeSeries> series(LocalDate from, LocalDate to, Granularity granularity, Optional<Field> split, Optional<Field> group, Optional<Expression> filter) {
        boolean hourly = granularity == Granularity.HOURLY;
        FactSource source = new FactSource(hourly ? FactSource.Grain.HOURLY : FactSource.Grain.DAILY, FactSource.Rollups.NONE);
        String splitSql = split.map(source::expression).orElse("'" + TOTAL + "'");
        String groupSql = group.map(source::expression).orElse("''");
        FilterCompiler compiler = new FilterCompiler(source);
        String predicate = filter.map(compiler::compile).orElse("true");
        String time = hourly ? "f.usage_hour" : "f.usage_date";
        String sql = """
                SELECT %s AS series, %s AS series_group, %s AS bucket, sum(f.unblended_cost) AS cost
                FROM %s
                WHERE %s >= ? AND %s < ? AND (%s)
                GROUP BY ALL
                ORDER BY series, bucket""".formatted(splitSql, groupSql, time, source.from(), time, time, predicate);
        int buckets = (int) (hourly ? ChronoUnit.HOURS.between(from.atStartOfDay(), to.atStartOfDay()) : ChronoUnit.DAYS.between(from, to));
        if (buckets <= 0) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "series period %s to %s is empty (the end is exclusive)".formatted(from, to));
        }
        Map<String, double[]> values = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = bind(statement, source.parameters(), 1);
            index = bindPeriod(statement, index, hourly, from.atStartOfDay(), to.atStartOfDay());
            bind(statement, compiler.parameters(), index);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    LocalDateTime bucket = hourly ? rows.getTimestamp(3).toLocalDateTime() : rows.getDate(3).toLocalDate().atStartOfDay();
                    int position = (int) (hourly ? ChronoUnit.HOURS.between(from.atStartOfDay(), bucket) : ChronoUnit.DAYS.between(from.atStartOfDay(), bucket));
                    values.computeIfAbsent(key, ignored -> new double[buckets])[position] += rows.getBigDecimal(4).doubleValue();
                    String groupValue = rows.getString(2);
                    if (group.isPresent() && !groupValue.isEmpty() && !ReservedBucket.isReserved(groupValue)) {
                        groups.putIfAbsent(key, groupValue);
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading monitor series", e);
        }
        List<TimeSeries> series = new ArrayList<>(values.size());
        values.forEach((key, array) -> series.add(new TimeSeries(key, granularity, from.atStartOfDay(), array, Optional.ofNullable(groups.get(key)))));
        return series;
    }

    /**
     * The exact spend of one series (its split field's value, or every charge of a custom monitor)
     * from {@code start} (inclusive) to {@code end} (exclusive), by principal, model, token type and account.
     */
    public List<CauseCell> cells(LocalDateTime start, LocalDateTime end, Granularity granularity, Optional<Field> split, String value, Optional<Expression> filter) {
        List<Field> fields = List.of(new Field.Builtin(Dimension.PRINCIPAL), new Field.Builtin(Dimension.MODEL), new Field.Builtin(Dimension.TOKEN_TYPE),
                new Field.Builtin(Dimension.LINKED_ACCOUNT));
        List<CauseCell> cells = new ArrayList<>();
        for (Map.Entry<List<String>, BigDecimal> cell : spendOfOne(start, end, granularity, split, value, filter, fields, "reading the spend behind an anomaly")) {
            List<String> keys = cell.getKey();
            cells.add(new CauseCell(keys.get(0), keys.get(1), keys.get(2), keys.get(3), cell.getValue()));
        }
        return cells;
    }

    /**
     * The value of {@code field} (the owner's dimension, such as team) that carries most of one
     * series' spend over a span, if any spend has one.
     */
    public Optional<String> dominant(LocalDateTime start, LocalDateTime end, Granularity granularity, Optional<Field> split, String value,
            Optional<Expression> filter, Field field) {
        return spendOfOne(start, end, granularity, split, value, filter, List.of(field), "finding the owner of an anomaly").stream()
                .filter(entry -> !entry.getKey().get(0).isEmpty())
                .max(Map.Entry.<List<String>, BigDecimal>comparingByValue().thenComparing(entry -> entry.getKey().get(0), java.util.Comparator.reverseOrder()))
                .map(entry -> entry.getKey().get(0));
    }

    /** One series' spend over a span, grouped by the fields, in key order. */
    private List<Map.Entry<List<String>, BigDecimal>> spendOfOne(LocalDateTime start, LocalDateTime end, Granularity granularity, Optional<Field> split, String value,
            Optional<Expression> filter, List<Field> fields, String doing) {
        boolean hourly = granularity == Granularity.HOURLY;
        FactSource source = new FactSource(hourly ? FactSource.Grain.HOURLY : FactSource.Grain.DAILY, FactSource.Rollups.NONE);
        List<String> columns = new ArrayList<>();
        for (Field field : fields) {
            columns.add(source.expression(field));
        }
        String splitSql = split.map(source::expression).orElse("?");
        FilterCompiler compiler = new FilterCompiler(source);
        String predicate = filter.map(compiler::compile).orElse("true");
        String time = hourly ? "f.usage_hour" : "f.usage_date";
        String sql = """
                SELECT %s, sum(f.unblended_cost)
                FROM %s
                WHERE %s >= ? AND %s < ? AND %s = ? AND (%s)
                GROUP BY ALL
                ORDER BY ALL""".formatted(String.join(", ", columns), source.from(), time, time, splitSql, predicate);
        List<Map.Entry<List<String>, BigDecimal>> spend = new ArrayList<>();
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = bind(statement, source.parameters(), 1);
            index = bindPeriod(statement, index, hourly, start, end);
            if (split.isEmpty()) {
                statement.setString(index++, TOTAL);
            }
            statement.setString(index++, split.isEmpty() ? TOTAL : value);
            bind(statement, compiler.parameters(), index);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<String> keys = new ArrayList<>(fields.size());
                    for (int column = 1; column <= fields.size(); column++) {
                        keys.add(rows.getString(column) == null ? "" : rows.getString(column));
                    }
                    spend.add(Map.entry(List.copyOf(keys), rows.getBigDecimal(fields.size() + 1)));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal(doing, e);
        }
        return spend;
    }

    /** The first and last day with spend in the daily facts, if any. */
    public Optional<LocalDate[]> span() {
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement("SELECT min(usage_date), max(usage_date) FROM cost_daily");
                ResultSet rows = statement.executeQuery()) {
            if (rows.next() && rows.getDate(1) != null) {
                return Optional.of(new LocalDate[] {rows.getDate(1).toLocalDate(), rows.getDate(2).toLocalDate()});
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the span of the facts", e);
        }
    }

    /**
     * The first day on which a charge names its caller. CUR carries callers only since April 2026
     * ({@code line_item_iam_principal}), so a store holding older history knows nothing of any
     * caller before that day: a series by principal or person starts there, not at zero.
     */
    public Optional<LocalDate> firstCallerDay() {
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT min(f.usage_date) FROM cost_daily f JOIN allocations a ON a.allocation_id = f.allocation_id
                WHERE a.principal NOT IN (?, ?, ?)""")) {
            int index = 1;
            for (ReservedBucket bucket : ReservedBucket.values()) {
                statement.setString(index++, bucket.label());
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getDate(1) != null ? Optional.of(rows.getDate(1).toLocalDate()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the first day with callers", e);
        }
    }

    /** Whether every billing period overlapping the days was delivered hourly. */
    public boolean hourly(LocalDate from, LocalDate to) {
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE granularity <> 'HOURLY'), count(*) FROM billing_periods
                WHERE billing_period < ? AND billing_period + INTERVAL 1 MONTH > ?""")) {
            statement.setDate(1, Date.valueOf(to));
            statement.setDate(2, Date.valueOf(from));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0 && rows.getLong(2) > 0;
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading billing period granularity", e);
        }
    }

    private static int bind(PreparedStatement statement, List<Object> parameters, int index) throws SQLException {
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    private static int bindPeriod(PreparedStatement statement, int index, boolean hourly, LocalDateTime start, LocalDateTime end) throws SQLException {
        if (hourly) {
            statement.setTimestamp(index++, Timestamp.valueOf(start));
            statement.setTimestamp(index++, Timestamp.valueOf(end));
        } else {
            statement.setDate(index++, Date.valueOf(start.toLocalDate()));
            statement.setDate(index++, Date.valueOf(end.toLocalDate().plusDays(end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? 0 : 1)));
        }
        return index;
    }
}
