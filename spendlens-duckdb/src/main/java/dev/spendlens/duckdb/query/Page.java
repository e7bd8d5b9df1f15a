package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** Reads an item from the current row of a result. */
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code ranked} (which ends with {@code LIMIT ? OFFSET ?} and whose last column is
     * {@code count(*) OVER ()}) for one page; past the end, where no row carries the count, runs {@code count}.
     */
    static <T> Page<T> read(Connection connection, String ranked, String count, Parameters parameters, PageRequest request, RowReader<T> reader) throws SQLException {
        List<T> items = new ArrayList<>();
        long totalSize = -1;
        try (PreparedStatement statement = connection.prepareStatement(ranked)) {
            parameters.copy().add(request.size()).add(request.offset()).bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(reader.read(rows));
                    totalSize = rows.getLong(rows.getMetaData().getColumnCount());
                }
            }
        }
        if (totalSize < 0) {
            try (PreparedStatement statement = connection.prepareStatement(count)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    totalSize = rows.getLong(1);
                }
            }
        }
        return of(items, totalSize, request);
    }

    static <T> Page<T> of(List<T> items, long totalSize, PageRequest request) {
        return new Page<>(items, totalSize, request.offset() + request.size() < totalSize ? Optional.of(request.nextToken()) : Optional.empty());
    }
}
