package dev.spendlens.forecast;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Values for consecutive days from {@code start}, with no gaps: a day without spend is a 0.
 * Forecasting works on doubles; exact money stays in the store and only estimates are doubles.
 */
public record DailySeries(LocalDate start, double[] values) {
    public DailySeries {
        requireNonNull(start, "start is null");
        values = requireNonNull(values, "values is null").clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the value of %s is not a finite number".formatted(start.plusDays(i)));
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    public double value(int index) {
        return values[index];
    }

    /** The day after the last value. */
    public LocalDate end() {
        return start.plusDays(values.length);
    }

    /** The first {@code days} values. */
    public DailySeries head(int days) {
        return new DailySeries(start, Arrays.copyOf(values, Math.min(days, values.length)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DailySeries series && start.equals(series.start) && Arrays.equals(values, series.values);
    }

    @Override
    public int hashCode() {
        return 31 * start.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DailySeries[start=%s, days=%d]".formatted(start, values.length);
    }
}
