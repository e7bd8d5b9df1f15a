package dev.spendlens.money;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A dated table of exchange rates. The rate of a day is the latest one dated on or before it; a
 * pair written only one way is used the other way too (1 / rate).
 */
public record ExchangeRates(List<ExchangeRate> rates) {
    private static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);

    public ExchangeRates {
        rates = requireNonNull(rates, "rates is null").stream().sorted(Comparator.comparing(ExchangeRate::date)).toList();
    }

    public static ExchangeRates none() {
        return new ExchangeRates(List.of());
    }

    /** The rate from one currency to another on a day, if the table has one dated on or before it. */
    public Optional<BigDecimal> rate(String from, String to, LocalDate on) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        ExchangeRate best = null;
        boolean inverse = false;
        for (ExchangeRate rate : rates) {
            if (rate.date().isAfter(on)) {
                break;
            }
            if (rate.from().equals(from) && rate.to().equals(to)) {
                best = rate;
                inverse = false;
            } else if (rate.from().equals(to) && rate.to().equals(from) && (best == null || !rate.date().isBefore(best.date()))) {
                best = rate;
                inverse = true;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(inverse ? BigDecimal.ONE.divide(best.rate(), PRECISION) : best.rate());
    }

    /** The rate, or an error that says which rate to add to the configuration. */
    public BigDecimal require(String from, String to, LocalDate on) {
        return rate(from, to, on).orElseThrow(() -> new SpendlensException(ErrorCode.INVALID_CONFIG,
                "no exchange rate from %s to %s dated on or before %s: add one to currency.exchange-rates, e.g. {date: %s, from: %s, to: %s, rate: ...}"
                        .formatted(from, to, on, on.withDayOfMonth(1), from, to)));
    }

    /** An exact amount converted, at full precision (rounding is for display). */
    public BigDecimal convert(BigDecimal amount, String from, String to, LocalDate on) {
        return amount.multiply(require(from, to, on), PRECISION);
    }
}
