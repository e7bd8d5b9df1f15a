package dev.spendlens.costquery;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One time bucket of a cost query result.
 *
 * @param start inclusive
 * @param end exclusive
 * @param total the bucket's total of every metric (over all groups, even those on other pages)
 * @param groups the groups on this page
 * @param estimated true while the billing period is still open and may be restated
 */
public record ResultByTime(LocalDateTime start, LocalDateTime end, Map<Metric, MetricValue> total, List<CostGroup> groups, boolean estimated) {
    public ResultByTime {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        total = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(total, "total is null")));
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
    }
}
