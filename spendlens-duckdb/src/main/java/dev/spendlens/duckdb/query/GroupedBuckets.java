package dev.spendlens.duckdb.query;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a cost query found, ready to be laid out as Cost Explorer does: the values of the groups it
 * returns in each time bucket, each bucket's total over every group (returned or not), and the
 * returned groups in rank order. Built in Java from every group ({@link CostQueryEngine}) or in SQL
 * for one page ({@link RankedGroups}); both give the same.
 *
 * @param values bucket start -> group keys -> one value per metric, for the returned groups only
 * @param totals bucket start -> one total per metric, over all groups
 * @param ranked the returned groups, biggest total over the period first
 * @param groupCount how many groups the whole question has
 */
record GroupedBuckets(Map<LocalDateTime, Map<List<String>, BigDecimal[]>> values, Map<LocalDateTime, BigDecimal[]> totals, List<List<String>> ranked,
        long groupCount) {

    /**
     * The order of groups with equal totals: their keys, one after the other, by Unicode code point,
     * which is how DuckDB orders text (UTF-8 bytes), so that both ways of ranking agree.
     */
    static final Comparator<List<String>> KEY_ORDER = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int compared = compareCodePoints(left.get(i), right.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
    }

    static BigDecimal[] add(BigDecimal[] left, BigDecimal[] right) {
        BigDecimal[] sum = new BigDecimal[left.length];
        for (int i = 0; i < left.length; i++) {
            sum[i] = left[i].add(right[i]);
        }
        return sum;
    }
}
