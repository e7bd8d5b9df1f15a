package dev.spendlens.cli;

import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.TimeSeries;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads a {@code date,value} or {@code timestamp,value} CSV into one series: a header row is
 * optional, rows may come in any order, values of the same bucket are added, and missing buckets
 * are 0. A bad row is refused naming the file, the line and the field.
 */
final class SeriesCsv {
    private SeriesCsv() {}

    static TimeSeries read(Path file, Granularity granularity) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--series: cannot read %s: %s".formatted(file, e.getMessage()));
        }
        TreeMap<LocalDateTime, Double> values = new TreeMap<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (index == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("[,;\t]");
            if (fields.length < 2) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s line %d: expected 'date,value', got '%s'".formatted(file, index + 1, line));
            }
            String when = unquote(fields[0]);
            String value = unquote(fields[1]);
            if (index == 0 && !Character.isDigit(when.isEmpty() ? 'x' : when.charAt(0))) {
                continue;
            }
            LocalDateTime bucket = bucket(parseTime(when, file, index + 1), granularity);
            double amount;
            try {
                amount = value.isEmpty() ? 0 : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s line %d: value '%s' is not a number".formatted(file, index + 1, value));
            }
            if (!Double.isFinite(amount)) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s line %d: value '%s' is not a finite number".formatted(file, index + 1, value));
            }
            values.merge(bucket, amount, Double::sum);
        }
        if (values.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s has no data rows (expected date,value lines)".formatted(file));
        }
        LocalDateTime first = values.firstKey();
        long count = (granularity == Granularity.HOURLY ? ChronoUnit.HOURS : ChronoUnit.DAYS).between(first, values.lastKey()) + 1;
        if (count > 5_000_000) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s spans %d buckets; at most 5,000,000".formatted(file, count));
        }
        double[] series = new double[(int) count];
        values.forEach((bucket, amount) -> series[(int) (granularity == Granularity.HOURLY ? ChronoUnit.HOURS : ChronoUnit.DAYS).between(first, bucket)] += amount);
        return TimeSeries.of(file.getFileName().toString(), granularity, first, series);
    }

    private static LocalDateTime parseTime(String text, Path file, int line) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(iso).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s line %d: '%s' is not a date (2026-05-01) or a timestamp (2026-05-01T13:00:00)".formatted(file, line, text));
        }
    }

    private static LocalDateTime bucket(LocalDateTime time, Granularity granularity) {
        return granularity == Granularity.HOURLY ? time.truncatedTo(ChronoUnit.HOURS) : time.toLocalDate().atStartOfDay();
    }

    private static String unquote(String field) {
        String stripped = field.strip();
        return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"") ? stripped.substring(1, stripped.length() - 1).strip() : stripped;
    }
}
