package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Spend of one month summed by everything a statement shows: the owner (the value of the
 * statement's dimension, such as a cost centre), team, principal, model, what kind of charge it
 * is, and the invoice it is on.
 *
 * @param category the usage category or record type ({@code provisioned-throughput}, {@code Tax}), to show what a shared bucket holds
 * @param tokens tokens, 0 for non-token charges
 * @param usage usage amount in the charge's pricing unit
 * @param cost exact cost in the billing currency
 */
public record ChargeLine(String owner, String team, String principal, String model, String category, String invoiceId, BigDecimal tokens, BigDecimal usage,
        BigDecimal cost) {
    public ChargeLine {
        requireNonNull(owner, "owner is null");
        requireNonNull(team, "team is null");
        requireNonNull(principal, "principal is null");
        requireNonNull(model, "model is null");
        requireNonNull(category, "category is null");
        requireNonNull(invoiceId, "invoiceId is null");
        requireNonNull(tokens, "tokens is null");
        requireNonNull(usage, "usage is null");
        requireNonNull(cost, "cost is null");
    }
}
