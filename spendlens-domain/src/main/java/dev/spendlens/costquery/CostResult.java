package dev.spendlens.costquery;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link CostQuery}, in GetCostAndUsage's shape.
 *
 * @param groupDefinitions the group-by fields, in order
 * @param resultsByTime one entry per time bucket
 * @param nextPageToken set when more groups remain
 */
public record CostResult(List<Field> groupDefinitions, List<ResultByTime> resultsByTime, Optional<String> nextPageToken) {
    public CostResult {
        groupDefinitions = List.copyOf(requireNonNull(groupDefinitions, "groupDefinitions is null"));
        resultsByTime = List.copyOf(requireNonNull(resultsByTime, "resultsByTime is null"));
        requireNonNull(nextPageToken, "nextPageToken is null");
    }
}
