package dev.spendlens.costquery;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One group of a time bucket: its keys, in group-by order, and its metrics. */
public record CostGroup(List<String> keys, Map<Metric, MetricValue> metrics) {
    public CostGroup {
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(metrics, "metrics is null")));
    }
}
