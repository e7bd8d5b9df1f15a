package dev.spendlens.costquery;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * One GetCostAndUsage-style question. Unlike Cost Explorer, any number of group-bys is allowed.
 *
 * @param period the dates, end exclusive
 * @param granularity the time buckets
 * @param metrics what to sum, at least one
 * @param groupBy the fields to group by, in order
 * @param filter the Expression, if any
 */
public record CostQuery(TimePeriod period, Granularity granularity, List<Metric> metrics, List<Field> groupBy, Optional<Expression> filter) {
    public CostQuery {
        requireNonNull(period, "period is null");
        requireNonNull(granularity, "granularity is null");
        metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        requireNonNull(filter, "filter is null");
        if (metrics.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "Metrics: name at least one metric, e.g. UnblendedCost");
        }
        if (new HashSet<>(groupBy).size() != groupBy.size()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "GroupBy: a key is listed twice in " + groupBy.stream().map(Field::label).toList());
        }
    }
}
