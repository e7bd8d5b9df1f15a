package dev.spendlens.costquery;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date range, start inclusive and end exclusive, as in Cost Explorer. */
public record TimePeriod(LocalDate start, LocalDate end) {
    public TimePeriod {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (!end.isAfter(start)) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT,
                    "time period end %s must be after start %s (the end date is exclusive, as in Cost Explorer)".formatted(end, start));
        }
    }

    public static TimePeriod parse(String start, String end, String startName, String endName) {
        return new TimePeriod(date(start, startName), date(end, endName));
    }

    private static LocalDate date(String value, String name) {
        try {
            // Cost Explorer accepts 2026-05-01 and, for hourly queries, 2026-05-01T00:00:00Z.
            String stripped = value.strip();
            String day = stripped.length() > 10 && stripped.charAt(10) == 'T' ? stripped.substring(0, 10) : stripped;
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s '%s' is not a date like 2026-05-01".formatted(name, value));
        }
    }
}
