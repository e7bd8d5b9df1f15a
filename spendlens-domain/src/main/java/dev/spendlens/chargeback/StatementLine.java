package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Optional;

/**
 * One line of a statement.
 *
 * @param owner who is charged (a cost centre, or a reserved bucket nobody could be charged for)
 * @param kind direct spend, a share of a bucket, or an adjustment of a closed month
 * @param team the team of direct spend; empty otherwise
 * @param principal the caller of direct spend; empty otherwise
 * @param model the model of direct spend; empty otherwise
 * @param source the bucket a share comes from; empty otherwise
 * @param detail the rule of a share, or the reason of an adjustment
 * @param adjustedMonth the closed month an adjustment corrects
 * @param tokens tokens of direct spend
 * @param usage usage amount of direct spend
 * @param amount the exact amount in the billing currency
 * @param rounded the amount rounded so that the owner's lines sum to the owner's rounded total
 */
public record StatementLine(String owner, LineKind kind, String team, String principal, String model, String source, String detail,
        Optional<YearMonth> adjustedMonth, BigDecimal tokens, BigDecimal usage, BigDecimal amount, BigDecimal rounded) {
    public StatementLine {
        requireNonNull(owner, "owner is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(team, "team is null");
        requireNonNull(principal, "principal is null");
        requireNonNull(model, "model is null");
        requireNonNull(source, "source is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(adjustedMonth, "adjustedMonth is null");
        requireNonNull(tokens, "tokens is null");
        requireNonNull(usage, "usage is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(rounded, "rounded is null");
    }

    /** Cost per million tokens, when the line has tokens. */
    public Optional<BigDecimal> pricePerMillionTokens() {
        if (tokens.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(BigDecimal.valueOf(1_000_000)).divide(tokens, new MathContext(12, RoundingMode.HALF_EVEN)).setScale(4, RoundingMode.HALF_UP));
    }

    StatementLine withRounded(BigDecimal value) {
        return new StatementLine(owner, kind, team, principal, model, source, detail, adjustedMonth, tokens, usage, amount, value);
    }
}
