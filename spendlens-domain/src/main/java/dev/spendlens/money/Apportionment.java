package dev.spendlens.money;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount into parts that add up to it exactly, by the largest-remainder method
 * (Hamilton's): every part gets the floor of its quota in units of {@code 10^-scale}, and the units
 * left over go one each to the parts with the largest remainders. Used both to split shared costs
 * exactly and to round lines so that rounded lines sum to the rounded total.
 */
public final class Apportionment {
    private static final MathContext PRECISION = new MathContext(60, RoundingMode.HALF_EVEN);

    private Apportionment() {}

    /**
     * Splits {@code total} in proportion to {@code weights}. Negative weights count as 0; when all
     * weights are 0 the split is even.
     *
     * @param scale decimal places of the parts; {@code total} must not have more
     */
    public static List<BigDecimal> split(BigDecimal total, List<BigDecimal> weights, int scale) {
        requireNonNull(total, "total is null");
        requireNonNull(weights, "weights is null");
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("cannot split %s into no parts".formatted(total.toPlainString()));
        }
        BigInteger units = units(total, scale);
        List<BigDecimal> positive = weights.stream().map(weight -> weight.signum() > 0 ? weight : BigDecimal.ZERO).toList();
        BigDecimal sum = positive.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> quotas = new ArrayList<>(weights.size());
        for (BigDecimal weight : positive) {
            BigDecimal share = sum.signum() == 0 ? BigDecimal.ONE.divide(BigDecimal.valueOf(weights.size()), PRECISION) : weight.divide(sum, PRECISION);
            quotas.add(new BigDecimal(units).multiply(share, PRECISION));
        }
        return distribute(units, quotas, scale);
    }

    /**
     * Rounds {@code amounts} to {@code scale} places so that they add up to {@code roundedTotal}
     * exactly (normally the rounded sum of the amounts, or an invoice's total).
     */
    public static List<BigDecimal> round(List<BigDecimal> amounts, BigDecimal roundedTotal, int scale) {
        requireNonNull(amounts, "amounts is null");
        requireNonNull(roundedTotal, "roundedTotal is null");
        if (amounts.isEmpty()) {
            if (roundedTotal.signum() != 0) {
                throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "cannot round no amounts to a total of " + roundedTotal.toPlainString());
            }
            return List.of();
        }
        List<BigDecimal> quotas = amounts.stream().map(amount -> amount.movePointRight(scale)).toList();
        return distribute(units(roundedTotal, scale), quotas, scale);
    }

    /** Rounds half up to {@code scale} places, as invoices are. */
    public static BigDecimal rounded(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_UP);
    }

    private static List<BigDecimal> distribute(BigInteger units, List<BigDecimal> quotas, int scale) {
        int count = quotas.size();
        BigInteger[] parts = new BigInteger[count];
        BigDecimal[] remainders = new BigDecimal[count];
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < count; i++) {
            BigDecimal floor = quotas.get(i).setScale(0, RoundingMode.FLOOR);
            parts[i] = floor.toBigIntegerExact();
            remainders[i] = quotas.get(i).subtract(floor);
            assigned = assigned.add(parts[i]);
        }
        BigInteger[] division = units.subtract(assigned).divideAndRemainder(BigInteger.valueOf(count));
        BigInteger each = division[0];
        int extra = division[1].intValueExact();
        if (extra < 0) {
            each = each.subtract(BigInteger.ONE);
            extra += count;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        // Largest remainder first; ties go to the earlier part, so the result never depends on anything but the input order.
        order.sort(Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed().thenComparing(i -> i));
        for (int i = 0; i < count; i++) {
            parts[i] = parts[i].add(each);
        }
        for (int i = 0; i < extra; i++) {
            parts[order.get(i)] = parts[order.get(i)].add(BigInteger.ONE);
        }
        List<BigDecimal> result = new ArrayList<>(count);
        for (BigInteger part : parts) {
            result.add(new BigDecimal(part, scale));
        }
        return result;
    }

    private static BigInteger units(BigDecimal amount, int scale) {
        BigDecimal moved = amount.movePointRight(scale);
        try {
            return moved.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "%s has more than %d decimal places and cannot be split exactly".formatted(amount.toPlainString(), scale));
        }
    }
}
