package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How one reserved bucket of a statement is charged to its owners: the calls nobody owns
 * ({@code __unallocated__}) or the charges without a caller ({@code __unattributed_no_caller__}:
 * provisioned throughput, storage, guardrails, tax, credits).
 *
 * @param bucket {@link ReservedBucket#UNALLOCATED} or {@link ReservedBucket#NO_CALLER}
 * @param method how it is split
 * @param percentages owner -> percent, for {@link SharedCostMethod#FIXED} only; they add up to 100
 */
public record SharedCostRule(ReservedBucket bucket, SharedCostMethod method, Map<String, BigDecimal> percentages) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public SharedCostRule {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(method, "method is null");
        percentages = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(percentages, "percentages is null")));
        if (bucket == ReservedBucket.NOT_APPLICABLE) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "shared costs come from the unallocated or the no-caller bucket, not " + bucket.label());
        }
        if (method == SharedCostMethod.FIXED) {
            BigDecimal sum = percentages.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (percentages.isEmpty() || sum.compareTo(HUNDRED) != 0 || percentages.values().stream().anyMatch(value -> value.signum() < 0)) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "the fixed percentages of the %s split must be 0 or more and add up to 100, they add up to %s"
                        .formatted(name(bucket), sum.toPlainString()));
            }
        } else if (!percentages.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "percentages are only for the fixed method; the %s split is %s".formatted(name(bucket), method.label()));
        }
    }

    public static SharedCostRule proportional(ReservedBucket bucket) {
        return new SharedCostRule(bucket, SharedCostMethod.PROPORTIONAL, Map.of());
    }

    /** The default: both buckets in proportion to usage. */
    public static List<SharedCostRule> defaults() {
        return List.of(proportional(ReservedBucket.UNALLOCATED), proportional(ReservedBucket.NO_CALLER));
    }

    /** The bucket's name in configuration: {@code unallocated} or {@code no-caller}. */
    public static String name(ReservedBucket bucket) {
        return switch (bucket) {
            case UNALLOCATED -> "unallocated";
            case NO_CALLER -> "no-caller";
            case NOT_APPLICABLE -> "not-applicable";
        };
    }

    public static ReservedBucket bucket(String name) {
        for (ReservedBucket bucket : List.of(ReservedBucket.UNALLOCATED, ReservedBucket.NO_CALLER)) {
            if (name(bucket).equalsIgnoreCase(name.strip()) || bucket.label().equals(name.strip())) {
                return bucket;
            }
        }
        throw new SpendlensException(ErrorCode.INVALID_CONFIG, "shared-cost bucket '%s' is not one of unallocated, no-caller".formatted(name));
    }

    /** For people: {@code no-caller split proportional to usage}. */
    public String describe() {
        return switch (method) {
            case PROPORTIONAL -> name(bucket) + " split in proportion to each owner's own spend";
            case EVEN -> name(bucket) + " split evenly among the owners with spend";
            case FIXED -> name(bucket) + " split by fixed percentages " + percentages.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue().stripTrailingZeros().toPlainString() + "%").collect(Collectors.joining(", "));
        };
    }

    /** A one-line form for storage: {@code no-caller|fixed|4410=60;5120=40}. */
    public String encode() {
        return name(bucket) + "|" + method.label() + "|" + percentages.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().toPlainString()).collect(Collectors.joining(";"));
    }

    public static SharedCostRule decode(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "stored shared-cost rule '%s' is not bucket|method|percentages".formatted(text));
        }
        Map<String, BigDecimal> percentages = new LinkedHashMap<>();
        if (!parts[2].isEmpty()) {
            for (String pair : parts[2].split(";")) {
                int equals = pair.lastIndexOf('=');
                percentages.put(pair.substring(0, equals), new BigDecimal(pair.substring(equals + 1)));
            }
        }
        return new SharedCostRule(bucket(parts[0]), SharedCostMethod.parse(parts[1]), percentages);
    }

    /** The rules of a list, one per bucket at most; the defaults fill in a bucket without a rule. */
    public static List<SharedCostRule> complete(List<SharedCostRule> rules) {
        Map<ReservedBucket, SharedCostRule> byBucket = new LinkedHashMap<>();
        for (SharedCostRule rule : rules) {
            if (byBucket.put(rule.bucket(), rule) != null) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "two shared-cost rules for the %s bucket: keep one".formatted(name(rule.bucket())));
            }
        }
        List<SharedCostRule> complete = new ArrayList<>();
        for (SharedCostRule fallback : defaults()) {
            complete.add(byBucket.getOrDefault(fallback.bucket(), fallback));
        }
        return List.copyOf(complete);
    }
}
