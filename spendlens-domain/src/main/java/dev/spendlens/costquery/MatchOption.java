package dev.spendlens.costquery;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

/** Cost Explorer's MatchOptions. */
public enum MatchOption {
    EQUALS,
    ABSENT,
    STARTS_WITH,
    ENDS_WITH,
    CONTAINS,
    CASE_SENSITIVE,
    CASE_INSENSITIVE,
    GREATER_THAN_OR_EQUAL;

    public static MatchOption parse(String value, String where) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_FILTER, "%s: MatchOptions value '%s' is not one of EQUALS, ABSENT, STARTS_WITH, ENDS_WITH, CONTAINS, CASE_SENSITIVE, CASE_INSENSITIVE, GREATER_THAN_OR_EQUAL".formatted(where, value));
        }
    }
}
