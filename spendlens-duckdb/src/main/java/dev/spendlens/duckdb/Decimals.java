package dev.spendlens.duckdb;

import java.math.BigDecimal;

/** Amounts read back from {@code DECIMAL(38,10)} columns. */
public final class Decimals {
    private Decimals() {}

    /** The value as it was written: without the ten trailing decimals a DECIMAL(38,10) adds, and never in exponent form. */
    public static BigDecimal exact(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
