package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.MetricValue;
import dev.spendlens.costquery.ResultByTime;
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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers GetCostAndUsage-shaped questions from the fact tables. The CLI's {@code report} and the
 * REST API both come here, so the same question always gets the same numbers.
 */
public final class CostQueryEngine {
    private final DuckDbStore store;
    private final Clock clock;

    public CostQueryEngine(DuckDbStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public CostResult run(CostQuery query) {
        return run(query, Optional.empty());
    }

    public CostResult run(CostQuery query, Optional<PageRequest> page) {
        try (Connection connection = store.connect()) {
            if (query.granularity() == Granularity.HOURLY) {
                requireHourly(connection, query);
            }
            String currency = currency(connection);
            Map<LocalDateTime, Map<List<String>, BigDecimal[]>> buckets = aggregate(connection, query);
            return assemble(query, buckets, currency, page);
        } catch (SQLException e) {
            throw SqlFailures.internal("running a cost query", e);
        }
    }

    /** The billing currency of the store (one per store), USD when empty. */
    public String currency() {
        try (Connection connection = store.connect()) {
            return currency(connection);
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the billing currency", e);
        }
    }

    private static String currency(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT DISTINCT currency FROM billing_periods ORDER BY 1")) {
            return rows.next() ? rows.getString(1) : "USD";
        }
    }

    private Map<LocalDateTime, Map<List<String>, BigDecimal[]>> aggregate(Connection connection, CostQuery query) throws SQLException {
        boolean hourly = query.granularity() == Granularity.HOURLY;
        String table = switch (query.granularity()) {
            case HOURLY -> "cost_hourly";
            case DAILY -> "cost_daily";
            case MONTHLY -> FactSource.dailyOrMonthly(connection, query.period());
        };
        FactSource source = new FactSource(table);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            keys.add(source.expression(query.groupBy().get(i)) + " AS k" + i);
        }
        FilterCompiler filter = new FilterCompiler(source);
        String predicate = query.filter().map(filter::compile).orElse("true");
        Object from = hourly ? Timestamp.valueOf(query.period().start().atStartOfDay()) : Date.valueOf(query.period().start());
        Object until = hourly ? Timestamp.valueOf(query.period().end().atStartOfDay()) : Date.valueOf(query.period().end());
        source.within(hourly ? "usage_hour" : "usage_date", from, until, query.metrics().stream().map(CostQueryEngine::column).distinct().toList());
        String bucket = switch (query.granularity()) {
            case HOURLY -> "f.usage_hour";
            case DAILY -> "CAST(f.usage_date AS TIMESTAMP)";
            case MONTHLY -> "CAST(date_trunc('month', f.usage_date) AS TIMESTAMP)";
        };
        String time = hourly ? "f.usage_hour" : "f.usage_date";
        List<String> measures = query.metrics().stream().map(CostQueryEngine::measure).toList();
        String sql = """
                SELECT %s AS bucket%s, %s
                FROM %s
                WHERE %s >= ? AND %s < ? AND (%s)
                GROUP BY ALL""".formatted(bucket, keys.isEmpty() ? "" : ", " + String.join(", ", keys), String.join(", ", measures),
                source.from(), time, time, predicate);
        List<Object> parameters = new ArrayList<>(source.parameters());
        Map<LocalDateTime, Map<List<String>, BigDecimal[]>> buckets = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object parameter : parameters) {
                statement.setObject(index++, parameter);
            }
            statement.setObject(index++, from);
            statement.setObject(index++, until);
            for (Object parameter : filter.parameters()) {
                statement.setObject(index++, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int groupCount = query.groupBy().size();
                while (rows.next()) {
                    LocalDateTime start = rows.getTimestamp(1).toLocalDateTime();
                    List<String> groupKeys = new ArrayList<>(groupCount);
                    for (int i = 0; i < groupCount; i++) {
                        groupKeys.add(rows.getString(2 + i));
                    }
                    BigDecimal[] values = new BigDecimal[query.metrics().size()];
                    for (int m = 0; m < values.length; m++) {
                        BigDecimal value = rows.getBigDecimal(2 + groupCount + m);
                        values[m] = value == null ? BigDecimal.ZERO : value;
                    }
                    LocalDateTime key = bucketStart(query, start);
                    buckets.computeIfAbsent(key, ignored -> new HashMap<>()).merge(groupKeys, values, CostQueryEngine::add);
                }
            }
        }
        return buckets;
    }

    private static String column(Metric metric) {
        return switch (metric) {
            case UNBLENDED_COST -> "unblended_cost";
            case NET_UNBLENDED_COST -> "net_unblended_cost";
            case USAGE_QUANTITY -> "usage_amount";
            case TOKENS -> "tokens";
        };
    }

    private static String measure(Metric metric) {
        return "sum(f." + column(metric) + ")";
    }

    private static BigDecimal[] add(BigDecimal[] left, BigDecimal[] right) {
        BigDecimal[] sum = new BigDecimal[left.length];
        for (int i = 0; i < left.length; i++) {
            sum[i] = left[i].add(right[i]);
        }
        return sum;
    }

    // A monthly bucket of a period starting mid-month starts at the period's start, as in Cost Explorer.
    private static LocalDateTime bucketStart(CostQuery query, LocalDateTime start) {
        LocalDateTime periodStart = query.period().start().atStartOfDay();
        return start.isBefore(periodStart) ? periodStart : start;
    }

    private CostResult assemble(CostQuery query, Map<LocalDateTime, Map<List<String>, BigDecimal[]>> buckets, String currency, Optional<PageRequest> page) {
        // Rank groups by their total over the whole period: biggest first, then by keys for a stable order.
        Map<List<String>, BigDecimal> overall = new HashMap<>();
        buckets.values().forEach(groups -> groups.forEach((keys, values) -> overall.merge(keys, values[0], BigDecimal::add)));
        Comparator<Map.Entry<List<String>, BigDecimal>> byTotal = Map.Entry.<List<String>, BigDecimal>comparingByValue().reversed();
        List<List<String>> ranked = overall.entrySet().stream()
                .sorted(byTotal.thenComparing(entry -> String.join("\u0000", entry.getKey())))
                .map(Map.Entry::getKey)
                .toList();
        List<List<String>> selected = page.map(request -> ranked.subList(Math.min(request.offset(), ranked.size()), Math.min(request.offset() + request.size(), ranked.size())))
                .orElse(ranked);
        Map<List<String>, Integer> order = new HashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            order.put(selected.get(i), i);
        }
        Optional<String> nextToken = page.filter(request -> request.offset() + request.size() < ranked.size()).map(PageRequest::nextToken);

        List<ResultByTime> results = new ArrayList<>();
        YearMonth open = YearMonth.now(clock);
        for (LocalDateTime[] interval : intervals(query)) {
            Map<List<String>, BigDecimal[]> groups = buckets.getOrDefault(interval[0], Map.of());
            BigDecimal[] total = new BigDecimal[query.metrics().size()];
            java.util.Arrays.fill(total, BigDecimal.ZERO);
            for (BigDecimal[] values : groups.values()) {
                total = add(total, values);
            }
            List<CostGroup> costGroups = new ArrayList<>();
            if (!query.groupBy().isEmpty()) {
                groups.entrySet().stream()
                        .filter(entry -> order.containsKey(entry.getKey()))
                        .sorted(Comparator.comparing((Map.Entry<List<String>, BigDecimal[]> entry) -> entry.getValue()[0]).reversed()
                                .thenComparing(entry -> order.get(entry.getKey())))
                        .forEach(entry -> costGroups.add(new CostGroup(entry.getKey(), metrics(query, entry.getValue(), currency))));
            }
            boolean estimated = !YearMonth.from(interval[1].minusNanos(1)).isBefore(open);
            results.add(new ResultByTime(interval[0], interval[1], metrics(query, total, currency), costGroups, estimated));
        }
        return new CostResult(query.groupBy(), results, nextToken);
    }

    private static Map<Metric, MetricValue> metrics(CostQuery query, BigDecimal[] values, String currency) {
        Map<Metric, MetricValue> metrics = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Metric metric = query.metrics().get(i);
            String unit = switch (metric) {
                case UNBLENDED_COST, NET_UNBLENDED_COST -> currency;
                case USAGE_QUANTITY -> "N/A";
                case TOKENS -> "Tokens";
            };
            metrics.put(metric, new MetricValue(values[i], unit));
        }
        return metrics;
    }

    /** Every time bucket of the period, empty ones included, as Cost Explorer returns them. */
    static List<LocalDateTime[]> intervals(CostQuery query) {
        List<LocalDateTime[]> intervals = new ArrayList<>();
        LocalDateTime end = query.period().end().atStartOfDay();
        LocalDateTime cursor = query.period().start().atStartOfDay();
        while (cursor.isBefore(end)) {
            LocalDateTime next = switch (query.granularity()) {
                case HOURLY -> cursor.plusHours(1);
                case DAILY -> cursor.plusDays(1);
                case MONTHLY -> cursor.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            };
            LocalDateTime bounded = next.isAfter(end) ? end : next;
            intervals.add(new LocalDateTime[] {cursor, bounded});
            cursor = bounded;
        }
        return intervals;
    }

    private static void requireHourly(Connection connection, CostQuery query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT string_agg(DISTINCT strftime(billing_period, '%Y-%m'), ', ') FROM billing_periods
                WHERE granularity <> 'HOURLY' AND billing_period < ? AND billing_period + INTERVAL 1 MONTH > ?""")) {
            statement.setDate(1, Date.valueOf(query.period().end()));
            statement.setDate(2, Date.valueOf(query.period().start()));
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next() && rows.getString(1) != null) {
                    throw new SpendlensException(ErrorCode.INVALID_ARGUMENT,
                            "HOURLY granularity needs an hourly CUR export, but billing periods %s were delivered daily; use DAILY".formatted(rows.getString(1)));
                }
            }
        }
    }

    /** The labels of the group-by fields, for headers. */
    public static List<String> labels(List<Field> fields) {
        return fields.stream().map(Field::label).collect(Collectors.toList());
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
