package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import dev.spendlens.principal.Principal;
import dev.spendlens.privacy.Pseudonymizer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts every charge in exactly one bucket per allocation dimension.
 *
 * <p>Order of evidence, first that speaks wins:
 * <ol>
 *   <li>the {@code tags} map, sources in the policy's precedence, each dimension's tag keys in order;</li>
 *   <li>the people directory, for a caller with a person behind it;</li>
 *   <li>the principal rules, in file order;</li>
 *   <li>otherwise {@link ReservedBucket#UNALLOCATED} for calls, {@link ReservedBucket#NO_CALLER} for charges without a caller.</li>
 * </ol>
 * Tag keys are matched case-insensitively: AWS keys are case-sensitive, but {@code Team} and
 * {@code team} activated side by side are one intention. When both carry a value, the key spelled as
 * configured wins, else the smallest key.
 */
public final class Allocator {
    private final AllocationPolicy policy;
    private final Pseudonymizer pseudonymizer;

    public Allocator(AllocationPolicy policy) {
        this(policy, Pseudonymizer.none());
    }

    /** An allocator whose stored labels name people by pseudonym (privacy.pseudonymize-people). */
    public Allocator(AllocationPolicy policy, Pseudonymizer pseudonymizer) {
        this.policy = requireNonNull(policy, "policy is null");
        this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer is null");
    }

    public AllocationPolicy policy() {
        return policy;
    }

    /** How people are named in what is stored and shown: by name, or by keyed pseudonym. */
    public Pseudonymizer pseudonymizer() {
        return pseudonymizer;
    }

    /** What the stored allocations depend on: the policy and, when people are pseudonymised, the key's digest. */
    public String fingerprint() {
        String policyFingerprint = PolicyFingerprint.of(policy);
        return pseudonymizer.enabled() ? policyFingerprint + "|" + pseudonymizer.fingerprint() : policyFingerprint;
    }

    public Allocation allocate(AllocationSubject subject) {
        // Blank values are no evidence, and among keys that differ only in case the smallest wins: the outcome must
        // not depend on the iteration order of the tags map, which changes from one JVM run to the next.
        Map<String, Map.Entry<String, String>> tagsByLowerKey = new HashMap<>();
        new TreeMap<>(subject.tags()).forEach((key, value) -> {
            if (!value.isBlank()) {
                tagsByLowerKey.putIfAbsent(key.toLowerCase(Locale.ROOT), Map.entry(key, value));
            }
        });

        Map<String, AllocatedValue> values = new LinkedHashMap<>();
        for (AllocationDimension dimension : policy.dimensions()) {
            values.put(dimension.name(), resolve(dimension, subject, tagsByLowerKey));
        }
        return new Allocation(values);
    }

    private AllocatedValue resolve(AllocationDimension dimension, AllocationSubject subject, Map<String, Map.Entry<String, String>> tags) {
        for (TagSource source : policy.precedence()) {
            for (String tagKey : dimension.tagKeys()) {
                String key = source.prefix() + tagKey;
                String exact = subject.tags().get(key);
                Map.Entry<String, String> tag = exact != null && !exact.isBlank() ? Map.entry(key, exact) : tags.get(key.toLowerCase(Locale.ROOT));
                if (tag != null) {
                    return new AllocatedValue(policy.normalization().normalize(tag.getValue()), new AllocationSource(AllocationSource.Kind.TAG, tag.getKey()));
                }
            }
        }
        Optional<Principal> principal = subject.principal();
        if (principal.isPresent()) {
            Optional<String> person = principal.get().person();
            if (person.isPresent()) {
                Optional<String> fromDirectory = policy.people().value(person.get(), dimension.name());
                if (fromDirectory.isPresent()) {
                    return new AllocatedValue(policy.normalization().normalize(fromDirectory.get()),
                            new AllocationSource(AllocationSource.Kind.PEOPLE_DIRECTORY, person.get()));
                }
            }
            for (PrincipalRule rule : policy.rules()) {
                String value = rule.values().get(dimension.name());
                if (value != null && rule.matches(principal.get())) {
                    return new AllocatedValue(policy.normalization().normalize(value), new AllocationSource(AllocationSource.Kind.RULE, rule.name()));
                }
            }
        }
        if (subject.callCharge()) {
            return new AllocatedValue(ReservedBucket.UNALLOCATED.label(), new AllocationSource(AllocationSource.Kind.UNALLOCATED, ""));
        }
        return new AllocatedValue(ReservedBucket.NO_CALLER.label(), new AllocationSource(AllocationSource.Kind.NO_CALLER, ""));
    }
}
