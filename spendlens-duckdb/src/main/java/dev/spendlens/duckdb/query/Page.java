package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a ranked list.
 *
 * @param items the items on this page, in rank order
 * @param totalSize how many items the whole list holds
 * @param nextPageToken set when more items follow
 */
public record Page<T>(List<T> items, long totalSize, Optional<String> nextPageToken) {
    public Page {
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(nextPageToken, "nextPageToken is null");
    }

    static <T> Page<T> of(List<T> items, long totalSize, PageRequest request) {
        return new Page<>(items, totalSize, request.offset() + request.size() < totalSize ? Optional.of(request.nextToken()) : Optional.empty());
    }
}
