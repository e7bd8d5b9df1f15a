package dev.spendlens.detection;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The spend of one principal on one model, token type and account over a span: the grain root
 * causes are explained at.
 *
 * @param principal the caller ARN (or a reserved bucket)
 * @param model the model
 * @param tokenType input, output, cache read, ...
 * @param account the linked account
 * @param cost exact spend
 */
public record CauseCell(String principal, String model, String tokenType, String account, BigDecimal cost) {
    public CauseCell {
        requireNonNull(principal, "principal is null");
        requireNonNull(model, "model is null");
        requireNonNull(tokenType, "tokenType is null");
        requireNonNull(account, "account is null");
        requireNonNull(cost, "cost is null");
    }

    /** The cell's identity, without its cost. */
    public String identity() {
        return principal + "\u0000" + model + "\u0000" + tokenType + "\u0000" + account;
    }
}
