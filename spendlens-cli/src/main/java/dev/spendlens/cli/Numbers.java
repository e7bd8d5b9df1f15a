package dev.spendlens.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How numbers are shown to people: thousands separators, two decimals for money. */
final class Numbers {
    private Numbers() {}

    static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    static String count(long value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static String count(double value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0.0%";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
