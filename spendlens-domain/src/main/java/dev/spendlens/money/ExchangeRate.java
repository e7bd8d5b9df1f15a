package dev.spendlens.money;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One unit of {@code from} is worth {@code rate} units of {@code to} from {@code date} on, until a
 * later rate of the same pair.
 */
public record ExchangeRate(LocalDate date, String from, String to, BigDecimal rate) {
    public ExchangeRate {
        requireNonNull(date, "date is null");
        Money.checkCurrency(requireNonNull(from, "from is null"));
        Money.checkCurrency(requireNonNull(to, "to is null"));
        requireNonNull(rate, "rate is null");
        if (rate.signum() <= 0) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "the exchange rate %s to %s of %s must be above 0, was %s".formatted(from, to, date, rate.toPlainString()));
        }
        if (from.equals(to)) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "an exchange rate from %s to itself on %s is not needed: remove it".formatted(from, date));
        }
    }
}
