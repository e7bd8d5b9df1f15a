package dev.spendlens.finance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.forecast.DailySeries;
import dev.spendlens.forecast.Forecast;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Any daily {@code date,value} CSV (a header line is optional), so that the forecaster can be
 * judged on public data as well as on spend; and a forecast as {@code [{date, mean, lower, upper}]}.
 */
public final class SeriesCsv {
    private SeriesCsv() {}

    /** Reads consecutive days; a missing or repeated day is an error naming the line. */
    public static DailySeries read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--series: cannot read %s: %s".formatted(file, e.getMessage()));
        }
        LocalDate start = null;
        LocalDate expected = null;
        List<Double> values = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("[,;\t]");
            if (fields.length < 2) {
                throw bad(file, number, "expected date,value");
            }
            String dateText = fields[0].strip().replace("\"", "");
            String valueText = fields[1].strip().replace("\"", "");
            LocalDate date;
            try {
                date = LocalDate.parse(dateText.length() > 10 ? dateText.substring(0, 10) : dateText);
            } catch (DateTimeParseException e) {
                if (values.isEmpty() && start == null) {
                    continue; // the header
                }
                throw bad(file, number, "'%s' is not a date like 2026-05-01".formatted(dateText));
            }
            double value;
            try {
                value = Double.parseDouble(valueText);
            } catch (NumberFormatException e) {
                throw bad(file, number, "'%s' is not a number".formatted(valueText));
            }
            if (start == null) {
                start = date;
            } else if (!date.equals(expected)) {
                throw bad(file, number, "the day after %s should be %s, found %s: the series must have one value per day, in order (fill missing days first)"
                        .formatted(expected.minusDays(1), expected, date));
            }
            values.add(value);
            expected = date.plusDays(1);
        }
        if (start == null) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--series: %s holds no date,value lines".formatted(file));
        }
        return new DailySeries(start, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code [{"date": "2026-11-01", "mean": 12.5, "lower": 10.1, "upper": 15.0}, ...]}. */
    public static ArrayNode json(Forecast forecast) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Forecast.DatedInterval point : forecast.points()) {
            ObjectNode node = array.addObject();
            node.put("date", point.date().toString());
            node.put("mean", round(point.interval().mean()));
            node.put("lower", round(point.interval().lower()));
            node.put("upper", round(point.interval().upper()));
        }
        return array;
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static SpendlensException bad(Path file, int line, String problem) {
        return new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--series: %s line %d: %s".formatted(file, line, problem));
    }
}
