package dev.spendlens.server;

import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.PageRequest;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import io.javalin.http.Context;

import java.util.Optional;

/** Reads the query string parameters the GET endpoints share, with errors that name the parameter. */
final class QueryParameters {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private QueryParameters() {}

    /** {@code from} (inclusive) and {@code to} (exclusive), both required. */
    static TimePeriod period(Context context) {
        return TimePeriod.parse(required(context, "from"), required(context, "to"), "from", "to");
    }

    /** {@code from} and {@code to} when both are given; one without the other is refused. */
    static Optional<TimePeriod> optionalPeriod(Context context) {
        Optional<String> from = optional(context, "from");
        Optional<String> to = optional(context, "to");
        if (from.isPresent() != to.isPresent()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "query parameters 'from' and 'to' go together: give both or neither");
        }
        return from.map(start -> TimePeriod.parse(start, to.get(), "from", "to"));
    }

    static Optional<String> optional(Context context, String name) {
        return Optional.ofNullable(context.queryParam(name)).filter(value -> !value.isBlank());
    }

    static String required(Context context, String name) {
        return optional(context, name).orElseThrow(() -> new SpendlensException(ErrorCode.INVALID_ARGUMENT,
                "query parameter '%s' is required (a date like 2026-07-01; 'to' is exclusive)".formatted(name)));
    }

    /** {@code pageSize} (1 to 1000, default 100) and {@code nextPageToken}. */
    static PageRequest page(Context context) {
        int size = optional(context, "pageSize").map(value -> {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw pageSizeError(value);
            }
        }).orElse(DEFAULT_PAGE_SIZE);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw pageSizeError(Integer.toString(size));
        }
        return PageRequest.of(optional(context, "nextPageToken"), size);
    }

    private static SpendlensException pageSizeError(String value) {
        return new SpendlensException(ErrorCode.INVALID_ARGUMENT, "query parameter 'pageSize' must be a whole number from 1 to %d, got '%s'".formatted(MAX_PAGE_SIZE, value));
    }
}
