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
import dev.spendlens.duckdb.StoreState;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers GetCostAndUsage-shaped questions from the fact tables. The CLI's {@code report} and the
 * REST API both come here, so the same question always gets the same numbers.
 */
public final class CostQueryEngine {
    private final DuckDbStore store;
    private final Clock clock;
    private final boolean shortcuts;

    public CostQueryEngine(DuckDbStore store, Clock clock) {
        this(store, clock, true);
    }

    private CostQueryEngine(DuckDbStore store, Clock clock, boolean shortcuts) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.shortcuts = shortcuts;
    }

    /**
     * The engine without its shortcuts: it reads the day (or hour) facts alone, never a rollup, and
     * ranks every group in Java. Slow on a year of data; the reference the shortcuts are tested against.
     */
    static CostQueryEngine plain(DuckDbStore store, Clock clock) {
        return new CostQueryEngine(store, clock, false);
    }

    public CostResult run(CostQuery query) {
        return run(query, Optional.empty());
    }

    public CostResult run(CostQuery query, Optional<PageRequest> page) {
        StoreState state = store.state();
        try (Connection connection = store.connect()) {
            if (query.granularity() == Granularity.HOURLY) {
                requireHourly(connection, query);
            }
            BucketSql sums = bucketSql(query, shortcuts ? FactSource.Rollups.of(state) : FactSource.Rollups.NONE);
            // With a page to fill, SQL ranks the groups and returns the page's alone: a year by principal has 100,000 groups or more.
            GroupedBuckets grouped = shortcuts && page.isPresent() && !query.groupBy().isEmpty()
                    ? RankedGroups.page(connection, sums, query.groupBy().size(), query.metrics().size(), page.get(), start -> bucketStart(query, start))
                    : allGroups(connection, query, sums, page);
            return assemble(query, grouped, state.currency(), page);
        } catch (SQLException e) {
            throw SqlFailures.internal("running a cost query", e);
        }
    }

    /** The billing currency of the store (one per store), USD when empty. */
    public String currency() {
        return store.state().currency();
    }

    /**
     * The SQL of a query's sums: one row per time bucket and group, with the columns {@code bucket},
     * {@code k0}... (the group's keys) and {@code m0}... (one sum per metric).
     */
    record BucketSql(String sql, Parameters parameters) {}

    private static BucketSql bucketSql(CostQuery query, FactSource.Rollups rollups) {
        boolean hourly = query.granularity() == Granularity.HOURLY;
        FactSource source = switch (query.granularity()) {
            case HOURLY -> new FactSource(FactSource.Grain.HOURLY, FactSource.Rollups.NONE);
            case DAILY -> new FactSource(FactSource.Grain.DAILY, rollups);
            case MONTHLY -> FactSource.forPeriod(query.period(), rollups);
        };
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
        List<String> measures = new ArrayList<>();
        for (int m = 0; m < query.metrics().size(); m++) {
            measures.add("sum(f.%s) AS m%d".formatted(column(query.metrics().get(m)), m));
        }
        String sql = """
                SELECT %s AS bucket%s, %s
                FROM %s
                WHERE %s >= ? AND %s < ? AND (%s)
                GROUP BY ALL""".formatted(bucket, keys.isEmpty() ? "" : ", " + String.join(", ", keys), String.join(", ", measures),
                source.from(), time, time, predicate);
        Parameters parameters = new Parameters().addAll(source.parameters()).add(from).add(until).addAll(filter.parameters());
        return new BucketSql(sql, parameters);
    }

    // Every group read into Java, ranked there; the page, when there is one, cut from the ranking.
    private static GroupedBuckets allGroups(Connection connection, CostQuery query, BucketSql sums, Optional<PageRequest> page) throws SQLException {
        Map<LocalDateTime, Map<List<String>, BigDecimal[]>> buckets = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sums.sql())) {
            sums.parameters().bind(statement);
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
                    buckets.computeIfAbsent(bucketStart(query, start), ignored -> new HashMap<>()).merge(groupKeys, values, GroupedBuckets::add);
                }
            }
        }
        Map<LocalDateTime, BigDecimal[]> totals = new HashMap<>();
        Map<List<String>, BigDecimal> overall = new HashMap<>();
        buckets.forEach((start, groups) -> groups.forEach((keys, values) -> {
            totals.merge(start, values, GroupedBuckets::add);
            overall.merge(keys, values[0], BigDecimal::add);
        }));
        // Rank groups by their total over the whole period: biggest first, then by keys for a stable order.
        List<List<String>> ranked = overall.entrySet().stream()
                .sorted(Map.Entry.<List<String>, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry::getKey, GroupedBuckets.KEY_ORDER))
                .map(Map.Entry::getKey)
                .toList();
        List<List<String>> selected = page.map(request -> ranked.subList(Math.min(request.offset(), ranked.size()), Math.min(request.offset() + request.size(), ranked.size())))
                .orElse(ranked);
        Set<List<String>> returned = new HashSet<>(selected);
        buckets.values().forEach(groups -> groups.keySet().retainAll(returned));
        return new GroupedBuckets(buckets, totals, selected, ranked.size());
    }

    private static String column(Metric metric) {
        return switch (metric) {
            case UNBLENDED_COST -> "unblended_cost";
            case NET_UNBLENDED_COST -> "net_unblended_cost";
            case USAGE_QUANTITY -> "usage_amount";
            case TOKENS -> "tokens";
        };
    }

    // A monthly bucket of a period starting mid-month starts at the period's start, as in Cost Explorer.
    private static LocalDateTime bucketStart(CostQuery query, LocalDateTime start) {
        LocalDateTime periodStart = query.period().start().atStartOfDay();
        return start.isBefore(periodStart) ? periodStart : start;
    }

    private CostResult assemble(CostQuery query, GroupedBuckets grouped, String currency, Optional<PageRequest> page) {
        Map<List<String>, Integer> order = new HashMap<>();
        for (int i = 0; i < grouped.ranked().size(); i++) {
            order.put(grouped.ranked().get(i), i);
        }
        Optional<String> nextToken = page.filter(request -> request.offset() + request.size() < grouped.groupCount()).map(PageRequest::nextToken);

        List<ResultByTime> results = new ArrayList<>();
        YearMonth open = YearMonth.now(clock);
        BigDecimal[] zero = new BigDecimal[query.metrics().size()];
        Arrays.fill(zero, BigDecimal.ZERO);
        for (LocalDateTime[] interval : intervals(query)) {
            Map<List<String>, BigDecimal[]> groups = grouped.values().getOrDefault(interval[0], Map.of());
            BigDecimal[] total = grouped.totals().getOrDefault(interval[0], zero);
            List<CostGroup> costGroups = new ArrayList<>();
            if (!query.groupBy().isEmpty()) {
                groups.entrySet().stream()
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
