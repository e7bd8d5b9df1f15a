package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A reserved bucket of the month before it is split: what it holds and the rule that splits it.
 *
 * @param bucket the bucket's label, e.g. {@code __unattributed_no_caller__}
 * @param rule the rule applied; empty when nobody could take a share (the bucket stays an owner of its own)
 * @param amount exact
 * @param composition category (usage category or record type) -> exact amount
 */
public record SharedPool(String bucket, Optional<SharedCostRule> rule, BigDecimal amount, Map<String, BigDecimal> composition) {
    public SharedPool {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(amount, "amount is null");
        composition = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(composition, "composition is null")));
    }
}
