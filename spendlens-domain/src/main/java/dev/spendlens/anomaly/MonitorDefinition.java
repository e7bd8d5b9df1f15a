package dev.spendlens.anomaly;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An anomaly monitor as written by a person (config file or REST): what it watches, still as text.
 *
 * @param name unique name
 * @param dimension the field whose every value is a series (dimensional monitor); empty for a custom monitor
 * @param filterJson a Cost Explorer Expression the spend must match; a custom monitor needs one
 * @param hourly whether hourly series are watched too, where the export is hourly
 * @param origin {@code config} (the file, read-only) or {@code api} (created through REST)
 */
public record MonitorDefinition(String name, Optional<String> dimension, Optional<String> filterJson, boolean hourly, String origin) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public MonitorDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(filterJson, "filterJson is null");
        requireNonNull(origin, "origin is null");
        if (!NAME.matcher(name).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "monitor name '%s' must be letters, digits, '.', '_' or '-' (up to 64)".formatted(name));
        }
        if (dimension.isEmpty() && filterJson.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "monitor %s needs a dimension (dimensional monitor) or a filter (custom monitor)".formatted(name));
        }
    }

    public boolean dimensional() {
        return dimension.isPresent();
    }
}
