package dev.spendlens.allocation;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a key of the CUR 2.0 {@code tags} map came from, named by its prefix. */
public enum TagSource {
    IAM_PRINCIPAL("iamPrincipal"),
    RESOURCE_TAGS("resourceTags"),
    USER_ATTRIBUTE("userAttribute"),
    ACCOUNT_TAG("accountTag"),
    COST_CATEGORY("costCategory");

    private final String prefixName;

    TagSource(String prefixName) {
        this.prefixName = prefixName;
    }

    /** The name as written in CUR and in the config, e.g. {@code iamPrincipal}. */
    public String prefixName() {
        return prefixName;
    }

    /** The key prefix in the {@code tags} map, e.g. {@code iamPrincipal/}. */
    public String prefix() {
        return prefixName + "/";
    }

    /** The source a full tag key carries, if its prefix is a known one. */
    public static Optional<TagSource> ofKey(String tagKey) {
        for (TagSource source : values()) {
            if (tagKey.startsWith(source.prefix())) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** Parses a config value such as {@code iamPrincipal} (case-insensitive). */
    public static TagSource fromName(String name) {
        for (TagSource source : values()) {
            if (source.prefixName.equalsIgnoreCase(name.strip())) {
                return source;
            }
        }
        throw new SpendlensException(ErrorCode.INVALID_CONFIG, "unknown tag source '%s': use one of %s".formatted(
                name, Arrays.stream(values()).map(TagSource::prefixName).collect(Collectors.joining(", "))));
    }
}
