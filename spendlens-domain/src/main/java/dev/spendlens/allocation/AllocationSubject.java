package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import dev.spendlens.principal.Principal;

import java.util.Map;
import java.util.Optional;

/**
 * What the allocator knows about a charge.
 *
 * @param principal the caller, if CUR names one
 * @param tags the CUR 2.0 {@code tags} map, keys with their source prefix
 * @param callCharge true for charges made by API calls (tokens, images ...), false for provisioned throughput, storage, tax, credits
 */
public record AllocationSubject(Optional<Principal> principal, Map<String, String> tags, boolean callCharge) {
    public AllocationSubject {
        requireNonNull(principal, "principal is null");
        tags = Map.copyOf(requireNonNull(tags, "tags is null"));
    }
}
