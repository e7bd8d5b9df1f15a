package dev.spendlens.duckdb.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One page of a cost query's groups, ranked in SQL: DuckDB sums every group over the period, keeps
 * the page's groups by {@code ORDER BY total DESC, keys LIMIT OFFSET}, and returns their rows with
 * every bucket's total and the number of groups. Java then handles one page, not 100,000 groups.
 */
final class RankedGroups {
    private static final int PAGE_ROW = 0;
    private static final int TOTAL_ROW = 1;

    private RankedGroups() {}

    /**
     * @param sums the query's sums per bucket and group (columns bucket, k0..., m0...)
     * @param bucketStart the start of the bucket a row's bucket belongs to
     */
    static GroupedBuckets page(Connection connection, CostQueryEngine.BucketSql sums, int keyCount, int metricCount, PageRequest page,
            UnaryOperator<LocalDateTime> bucketStart) throws SQLException {
        String keys = columns("k", keyCount, "");
        String pageKeys = columns("k", keyCount, "f.");
        String metrics = columns("m", metricCount, "");
        String join = IntStream.range(0, keyCount).mapToObj(i -> "f.k%d = p.k%d".formatted(i, i)).collect(Collectors.joining(" AND "));
        String nullKeys = String.join(", ", java.util.Collections.nCopies(keyCount, "NULL"));
        String nullMetrics = String.join(", ", java.util.Collections.nCopies(metricCount, "NULL"));
        // The sums are read three times (the page's rows, each bucket's total, the count of groups): materialised once.
        String sql = """
                WITH facts AS MATERIALIZED (
                %s),
                groups AS (
                    SELECT %s, sum(m0) AS total FROM facts GROUP BY ALL),
                page AS (
                    SELECT %s, row_number() OVER (ORDER BY total DESC, %s) AS rank
                    FROM (SELECT * FROM groups ORDER BY total DESC, %s LIMIT ? OFFSET ?))
                SELECT 0 AS part, f.bucket, %s, %s, p.rank, CAST(NULL AS BIGINT) AS group_count
                FROM facts f JOIN page p ON %s
                UNION ALL
                SELECT 1, bucket, %s, %s, NULL, NULL FROM facts GROUP BY bucket
                UNION ALL
                SELECT 2, NULL, %s, %s, NULL, (SELECT count(*) FROM groups)""".formatted(
                sums.sql(), keys, keys, keys, keys, pageKeys, columns("m", metricCount, "f."), join,
                nullKeys, sumsOf(metricCount), nullKeys, nullMetrics);
        Map<LocalDateTime, Map<List<String>, BigDecimal[]>> values = new HashMap<>();
        Map<LocalDateTime, BigDecimal[]> totals = new HashMap<>();
        Map<Long, List<String>> ranked = new TreeMap<>();
        long groupCount = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            sums.parameters().copy().add(page.size()).add(page.offset()).bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                int firstMetric = 3 + keyCount;
                while (rows.next()) {
                    int part = rows.getInt(1);
                    if (part != PAGE_ROW && part != TOTAL_ROW) {
                        groupCount = rows.getLong(firstMetric + metricCount + 1);
                        continue;
                    }
                    LocalDateTime start = bucketStart.apply(rows.getTimestamp(2).toLocalDateTime());
                    BigDecimal[] sum = new BigDecimal[metricCount];
                    for (int m = 0; m < metricCount; m++) {
                        BigDecimal value = rows.getBigDecimal(firstMetric + m);
                        sum[m] = value == null ? BigDecimal.ZERO : value;
                    }
                    if (part == TOTAL_ROW) {
                        totals.merge(start, sum, GroupedBuckets::add);
                        continue;
                    }
                    List<String> group = new ArrayList<>(keyCount);
                    for (int i = 0; i < keyCount; i++) {
                        group.add(rows.getString(3 + i));
                    }
                    ranked.put(rows.getLong(firstMetric + metricCount), group);
                    values.computeIfAbsent(start, ignored -> new HashMap<>()).merge(group, sum, GroupedBuckets::add);
                }
            }
        }
        return new GroupedBuckets(values, totals, List.copyOf(ranked.values()), groupCount);
    }

    private static String columns(String prefix, int count, String qualifier) {
        return IntStream.range(0, count).mapToObj(i -> qualifier + prefix + i).collect(Collectors.joining(", "));
    }

    private static String sumsOf(int metricCount) {
        return IntStream.range(0, metricCount).mapToObj(m -> "sum(m%d)".formatted(m)).collect(Collectors.joining(", "));
    }
}
