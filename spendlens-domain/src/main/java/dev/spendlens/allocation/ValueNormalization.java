package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Optional clean-up of tag values so that {@code DataScience}, {@code data_science} and
 * {@code data-science} land in one bucket.
 *
 * @param enabled when false, values are kept exactly as tagged (aliases still apply)
 * @param aliases variant -> canonical value, e.g. {@code ds -> data-science}; variants are matched after normalisation
 */
public record ValueNormalization(boolean enabled, Map<String, String> aliases) {
    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_./]+|-{2,}");

    public ValueNormalization {
        requireNonNull(aliases, "aliases is null");
        Map<String, String> normalised = new HashMap<>();
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            normalised.put(clean(enabled, alias.getKey()), clean(enabled, alias.getValue()));
        }
        aliases = Map.copyOf(normalised);
    }

    /** Values kept as tagged. */
    public static ValueNormalization none() {
        return new ValueNormalization(false, Map.of());
    }

    /** Lower case, camel case split, separators unified to '-'. */
    public static ValueNormalization standard() {
        return new ValueNormalization(true, Map.of());
    }

    public String normalize(String value) {
        String cleaned = clean(enabled, value);
        return aliases.getOrDefault(cleaned, cleaned);
    }

    private static String clean(boolean enabled, String value) {
        String stripped = value.strip();
        if (!enabled) {
            return stripped;
        }
        String split = CAMEL_BOUNDARY.matcher(stripped).replaceAll("-");
        String dashed = SEPARATORS.matcher(split).replaceAll("-").toLowerCase(Locale.ROOT);
        return dashed.replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    }
}
