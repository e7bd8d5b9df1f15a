package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.chargeback.SharedCostMethod;
import dev.spendlens.chargeback.SharedCostRule;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chargeback statements (section {@code chargeback}).
 *
 * @param dimension the allocation dimension whose values are charged ({@code chargeback.dimension}, default {@code cost-center})
 * @param sharedCosts how the reserved buckets are split among them ({@code chargeback.shared-costs},
 *                    default both {@code unallocated} and {@code no-caller} in proportion to each owner's own spend)
 */
public record ChargebackConfig(String dimension, List<SharedCostRule> sharedCosts) {
    public ChargebackConfig {
        requireNonNull(dimension, "dimension is null");
        AllocationDimension.named(dimension);
        sharedCosts = SharedCostRule.complete(requireNonNull(sharedCosts, "sharedCosts is null"));
    }

    public static ChargebackConfig defaults() {
        return new ChargebackConfig("cost-center", SharedCostRule.defaults());
    }

    static ChargebackConfig read(ConfigSection section) {
        ChargebackConfig defaults = defaults();
        String dimension = section.text("dimension", defaults.dimension()).strip();
        List<SharedCostRule> rules = section.list("shared-costs", defaults.sharedCosts(), ChargebackConfig::rule, ChargebackConfig::rule);
        return section.construct(() -> new ChargebackConfig(dimension, rules));
    }

    // {bucket: no-caller, method: fixed, percentages: {"4410": 60, "5120": 40}}
    private static SharedCostRule rule(ConfigSection item) {
        ReservedBucket bucket = item.parsed("bucket", null, SharedCostRule::bucket);
        SharedCostMethod method = item.parsed("method", SharedCostMethod.PROPORTIONAL, SharedCostMethod::parse);
        Map<String, String> texts = item.textMap("percentages", Map.of());
        if (bucket == null) {
            throw item.failure("'bucket' is missing: unallocated or no-caller");
        }
        Map<String, BigDecimal> percentages = new LinkedHashMap<>();
        texts.forEach((owner, percent) -> {
            try {
                percentages.put(owner, new BigDecimal(percent.strip()));
            } catch (NumberFormatException e) {
                throw item.failure("percentages", "gives %s '%s', which is not a number".formatted(owner, percent));
            }
        });
        return item.construct(() -> new SharedCostRule(bucket, method, percentages));
    }

    // The short form, for variables: no-caller:fixed:4410=60|5120=40 or unallocated:even
    private static SharedCostRule rule(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("write a shared-cost rule as bucket:method[:owner=percent|owner=percent]");
        }
        Map<String, BigDecimal> percentages = new LinkedHashMap<>();
        if (parts.length == 3) {
            for (String pair : Arrays.stream(parts[2].split("\\|")).map(String::strip).filter(value -> !value.isEmpty()).toList()) {
                int equals = pair.lastIndexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("'%s' is not owner=percent".formatted(pair));
                }
                percentages.put(pair.substring(0, equals).strip(), new BigDecimal(pair.substring(equals + 1).strip()));
            }
        }
        return new SharedCostRule(SharedCostRule.bucket(parts[0]), SharedCostMethod.parse(parts[1]), percentages);
    }
}
