package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

/**
 * Why a dimension got its value, kept beside the value so that every number can be explained.
 *
 * @param kind what decided the value
 * @param detail the tag key ({@code iamPrincipal/team}), the rule name, or the person, depending on the kind
 */
public record AllocationSource(Kind kind, String detail) {
    public enum Kind {
        TAG,
        PEOPLE_DIRECTORY,
        RULE,
        UNALLOCATED,
        NO_CALLER
    }

    public AllocationSource {
        requireNonNull(kind, "kind is null");
        requireNonNull(detail, "detail is null");
    }

    /** A compact form for storage and display: {@code tag:iamPrincipal/team}, {@code rule:notebooks}. */
    public String describe() {
        return switch (kind) {
            case TAG -> "tag:" + detail;
            case PEOPLE_DIRECTORY -> "people:" + detail;
            case RULE -> "rule:" + detail;
            case UNALLOCATED -> "unallocated";
            case NO_CALLER -> "no-caller";
        };
    }
}
