package dev.spendlens.money;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * An exact amount in one currency. Sums stay exact ({@link BigDecimal}); rounding happens only when
 * an amount is shown.
 */
public record Money(BigDecimal amount, String currency) {
    public Money {
        requireNonNull(amount, "amount is null");
        requireNonNull(currency, "currency is null");
        checkCurrency(currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new SpendlensException(ErrorCode.STORE_CURRENCY_MISMATCH, "cannot add %s to %s".formatted(other.currency, currency));
        }
        return new Money(amount.add(other.amount), currency);
    }

    /** Rounded half-up to the currency's minor unit (cents for USD), as invoices are. */
    public BigDecimal rounded() {
        return amount.setScale(fractionDigits(), RoundingMode.HALF_UP);
    }

    /** For people: {@code 1,234.56 USD}, {@code 1,235 JPY}. */
    public String format() {
        int digits = fractionDigits();
        String pattern = digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(rounded()) + " " + currency;
    }

    // Pseudo-currencies such as XXX have no minor unit (-1): show them in whole units.
    private int fractionDigits() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** Throws unless the code is an ISO 4217 currency. */
    public static String checkCurrency(String code) {
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.CUR_BAD_VALUE, "'%s' is not an ISO 4217 currency code".formatted(code));
        }
    }
}
