package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A dimension spend is allocated along, such as {@code team} or {@code cost-center}.
 *
 * @param name the dimension's name, lower case with dashes, used in reports and group-bys
 * @param tagKeys the tag keys (after the source prefix) that carry it, tried in order; e.g. {@code cost-center}, {@code CostCenter}
 */
public record AllocationDimension(String name, List<String> tagKeys) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    public AllocationDimension {
        requireNonNull(name, "name is null");
        tagKeys = List.copyOf(requireNonNull(tagKeys, "tagKeys is null"));
        if (!NAME.matcher(name).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG,
                    "allocation dimension '%s' must be lower case letters, digits and dashes, starting with a letter".formatted(name));
        }
        if (tagKeys.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "allocation dimension '%s' needs at least one tag key".formatted(name));
        }
    }

    /** A dimension looked up under its own name. */
    public static AllocationDimension named(String name) {
        return new AllocationDimension(name, List.of(name));
    }

    /** The default dimensions: team, project, cost-center and application. */
    public static List<AllocationDimension> defaults() {
        return List.of(
                new AllocationDimension("team", List.of("team")),
                new AllocationDimension("project", List.of("project")),
                new AllocationDimension("cost-center", List.of("cost-center", "costcenter", "cost_center")),
                new AllocationDimension("application", List.of("application", "app")));
    }
}
