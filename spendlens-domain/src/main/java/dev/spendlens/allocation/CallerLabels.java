package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import dev.spendlens.principal.Principal;

import java.util.Optional;

/**
 * The values a charge shows under the caller dimensions (PRINCIPAL, PRINCIPAL_TYPE, ROLE, PERSON).
 * A charge without a caller shows the same reserved bucket under all four, so that grouping by any
 * of them still sums to the total.
 */
public record CallerLabels(String principal, String principalType, String role, String person) {
    public CallerLabels {
        requireNonNull(principal, "principal is null");
        requireNonNull(principalType, "principalType is null");
        requireNonNull(role, "role is null");
        requireNonNull(person, "person is null");
    }

    public static CallerLabels of(Optional<Principal> caller, boolean callCharge) {
        if (caller.isEmpty()) {
            String bucket = (callCharge ? ReservedBucket.UNALLOCATED : ReservedBucket.NO_CALLER).label();
            return new CallerLabels(bucket, bucket, bucket, bucket);
        }
        Principal principal = caller.get();
        String notApplicable = ReservedBucket.NOT_APPLICABLE.label();
        return new CallerLabels(
                principal.arn(),
                principal.type().name(),
                principal.roleName().orElse(notApplicable),
                principal.person().orElse(notApplicable));
    }
}
