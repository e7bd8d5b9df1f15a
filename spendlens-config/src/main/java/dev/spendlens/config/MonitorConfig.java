package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An anomaly monitor (an item of {@code anomalies.monitors}): dimensional, watching every value of
 * a dimension separately, or custom, watching one filtered total.
 *
 * @param name its name
 * @param dimension the dimension whose every value is watched ({@code PRINCIPAL}, {@code PERSON}, {@code team}, {@code MODEL},
 *                  {@code LINKED_ACCOUNT}, {@code TAG:key} ...); empty for a custom monitor
 * @param filter a Cost Explorer Expression (JSON) the watched spend must match; a custom monitor needs one
 * @param hourly whether to watch hourly series too where the export is hourly (default true)
 */
public record MonitorConfig(String name, Optional<String> dimension, Optional<String> filter, boolean hourly) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public MonitorConfig {
        requireNonNull(name, "name is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(filter, "filter is null");
        if (!NAME.matcher(name).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "monitor name '%s' must be letters, digits, '.', '_' or '-'".formatted(name));
        }
        if (dimension.isEmpty() && filter.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "monitor %s needs a dimension (dimensional) or a filter (custom)".formatted(name));
        }
    }

    static MonitorConfig read(ConfigSection section) {
        String name = section.requiredText("name");
        Optional<String> dimension = section.optionalText("dimension");
        Optional<String> filter = section.optionalText("filter");
        boolean hourly = section.flag("hourly", true);
        return section.construct(() -> new MonitorConfig(name, dimension, filter, hourly));
    }

    /** The short form of a variable: {@code name:DIMENSION}. */
    static MonitorConfig parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "a monitor is written name:DIMENSION (custom monitors go in the file), not '%s'".formatted(text));
        }
        return new MonitorConfig(text.substring(0, colon).strip(), Optional.of(text.substring(colon + 1).strip()), Optional.empty(), true);
    }

    public static MonitorConfig dimensional(String name, String dimension) {
        return new MonitorConfig(name, Optional.of(dimension), Optional.empty(), true);
    }
}
