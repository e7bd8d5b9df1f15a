package dev.spendlens.costquery;

import dev.spendlens.allocation.TagSource;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Resolves the keys users type ({@code team}, {@code PRINCIPAL}, {@code TAG:iamPrincipal/team})
 * and Cost Explorer's GroupBy/Filter keys into {@link Field}s, refusing unknown ones by name.
 */
public final class FieldParser {
    private final List<String> allocationDimensions;

    public FieldParser(List<String> allocationDimensions) {
        this.allocationDimensions = List.copyOf(allocationDimensions);
    }

    /** A command-line key: a built-in dimension, an allocation dimension, or {@code TAG:<key>}. */
    public Field parse(String key) {
        String trimmed = key.strip();
        if (trimmed.regionMatches(true, 0, "TAG:", 0, 4)) {
            return tag(trimmed.substring(4));
        }
        return dimension(trimmed);
    }

    /** Cost Explorer's {@code {"Type": ..., "Key": ...}}. */
    public Field parse(String type, String key) {
        return switch (type.strip().toUpperCase(Locale.ROOT)) {
            case "DIMENSION" -> dimension(key);
            case "TAG" -> tag(key);
            case "COST_CATEGORY" -> costCategory(key);
            case "ALLOCATION" -> allocation(key);
            default -> throw new SpendlensException(ErrorCode.INVALID_ARGUMENT,
                    "GroupBy Type '%s' is not one of DIMENSION, TAG, COST_CATEGORY, ALLOCATION".formatted(type));
        };
    }

    /** A Dimensions filter key: built-in, or an allocation dimension. */
    public Field dimension(String key) {
        String trimmed = key.strip();
        return Dimension.find(trimmed).<Field>map(Field.Builtin::new).orElseGet(() -> allocation(trimmed));
    }

    public Field allocation(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        if (allocationDimensions.contains(wanted)) {
            return new Field.Allocation(wanted);
        }
        throw new SpendlensException(ErrorCode.UNKNOWN_DIMENSION, "unknown dimension '%s': use one of %s, an allocation dimension (%s), or TAG:<tag key>".formatted(
                key, Arrays.stream(Dimension.values()).map(Dimension::name).collect(Collectors.joining(", ")), String.join(", ", allocationDimensions)));
    }

    /**
     * A tag key. Keys of the CUR 2.0 tags map carry their source ({@code iamPrincipal/team}); a key
     * without a known source prefix is a user-defined resource tag, as Cost Explorer names them.
     */
    public Field tag(String key) {
        String trimmed = key.strip();
        if (trimmed.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "a tag key is empty: write TAG:iamPrincipal/team or Tags.Key");
        }
        return new Field.Tag(TagSource.ofKey(trimmed).isPresent() ? trimmed : TagSource.RESOURCE_TAGS.prefix() + trimmed);
    }

    public Field costCategory(String key) {
        String trimmed = key.strip();
        if (trimmed.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "a cost category key is empty");
        }
        return new Field.Tag(TagSource.COST_CATEGORY.prefix() + trimmed);
    }
}
