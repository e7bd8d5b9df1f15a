package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One governance finding: what is wrong, how much spend it concerns, and what to do.
 *
 * @param kind what sort of problem
 * @param subject what it is about: a principal, a role, a tag value
 * @param cost the spend concerned in the period
 * @param detail what was found
 * @param action what to do about it
 */
public record Finding(Kind kind, String subject, BigDecimal cost, String detail, String action) {
    public enum Kind {
        UNALLOCATED_SHARE,
        PRINCIPAL_WITHOUT_TEAM,
        TAG_SPELLINGS,
        SHARED_ROLE,
        NEW_PRINCIPAL,
        RULE_CONTRADICTS_TAG
    }

    public Finding {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(cost, "cost is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(action, "action is null");
    }
}
