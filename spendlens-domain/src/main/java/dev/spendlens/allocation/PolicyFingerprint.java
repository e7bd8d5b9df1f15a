package dev.spendlens.allocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of everything in an {@link AllocationPolicy} that can change an allocation. The store
 * keeps the digest of the policy its allocations were computed with and recomputes them when the
 * configuration, the rules or the people directory change.
 */
public final class PolicyFingerprint {
    private PolicyFingerprint() {}

    public static String of(AllocationPolicy policy) {
        StringBuilder text = new StringBuilder();
        for (AllocationDimension dimension : policy.dimensions()) {
            text.append("dimension=").append(dimension.name()).append(dimension.tagKeys()).append('\n');
        }
        text.append("precedence=").append(policy.precedence()).append('\n');
        text.append("normalize=").append(policy.normalization().enabled()).append(sorted(policy.normalization().aliases())).append('\n');
        for (PrincipalRule rule : policy.rules()) {
            text.append("rule=").append(rule.name())
                    .append('|').append(rule.arn().map(PrincipalPattern::text).orElse(""))
                    .append('|').append(rule.session().map(PrincipalPattern::text).orElse(""))
                    .append('|').append(sorted(rule.values())).append('\n');
        }
        new TreeMap<>(policy.people().people()).forEach((person, values) -> text.append("person=").append(person).append(sorted(values)).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, String> sorted(Map<String, String> values) {
        return new TreeMap<>(values);
    }
}
