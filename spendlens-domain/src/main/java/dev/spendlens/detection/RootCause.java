package dev.spendlens.detection;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains an anomaly by principal x model x token type x account: each cell's actual spend in the
 * anomaly, minus its share of the expected spend (its share of the series' spend before the
 * anomaly). The changes sum exactly to the impact (actual - expected), because the expected spend
 * is split exactly, the rounding remainder going to the largest shares.
 */
public final class RootCause {
    private static final int SCALE = 10;

    private RootCause() {}

    /**
     * @param before the series' cells over the baseline span before the anomaly
     * @param during the series' cells over the anomaly
     * @param expected the baseline's spend over the anomaly
     * @return the contributions, biggest rise first
     */
    public static List<Contribution> explain(List<CauseCell> before, List<CauseCell> during, BigDecimal expected) {
        Map<String, CauseCell> cells = new LinkedHashMap<>();
        Map<String, BigDecimal> baseline = new LinkedHashMap<>();
        Map<String, BigDecimal> actual = new LinkedHashMap<>();
        for (CauseCell cell : before) {
            cells.putIfAbsent(cell.identity(), cell);
            baseline.merge(cell.identity(), cell.cost(), BigDecimal::add);
        }
        for (CauseCell cell : during) {
            cells.putIfAbsent(cell.identity(), cell);
            actual.merge(cell.identity(), cell.cost(), BigDecimal::add);
        }
        // Shares of the expected spend: as before the anomaly, else (a new series has no before) as during it.
        Map<String, BigDecimal> weights = positive(baseline).isEmpty() ? positive(actual) : positive(baseline);
        Map<String, BigDecimal> expectedShares = split(expected.setScale(SCALE, RoundingMode.HALF_EVEN), weights);
        List<Contribution> contributions = new ArrayList<>();
        for (Map.Entry<String, CauseCell> entry : cells.entrySet()) {
            BigDecimal cellExpected = expectedShares.getOrDefault(entry.getKey(), BigDecimal.ZERO);
            BigDecimal cellActual = actual.getOrDefault(entry.getKey(), BigDecimal.ZERO);
            if (cellExpected.signum() == 0 && cellActual.signum() == 0) {
                continue;
            }
            CauseCell cell = entry.getValue();
            contributions.add(new Contribution(cell.principal(), cell.model(), cell.tokenType(), cell.account(), cellExpected, cellActual));
        }
        if (expected.signum() != 0 && weights.isEmpty()) {
            // Nothing to spread the expected spend over: one line carries it, so the sum still holds.
            contributions.add(new Contribution("(baseline)", "", "", "", expected.setScale(SCALE, RoundingMode.HALF_EVEN), BigDecimal.ZERO));
        }
        contributions.sort(Comparator.comparing(Contribution::change).reversed()
                .thenComparing(contribution -> contribution.principal() + contribution.model() + contribution.tokenType() + contribution.account()));
        return contributions;
    }

    private static Map<String, BigDecimal> positive(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> positive = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value.signum() > 0) {
                positive.put(key, value);
            }
        });
        return positive;
    }

    /** Splits the total over the weights exactly at ten decimals: largest remainders get the leftover units. */
    static Map<String, BigDecimal> split(BigDecimal total, Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        if (weights.isEmpty()) {
            return shares;
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(SCALE);
        Map<String, BigDecimal> remainders = new LinkedHashMap<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> weight : weights.entrySet()) {
            BigDecimal exact = total.multiply(weight.getValue()).divide(sum, SCALE + 10, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(SCALE, RoundingMode.FLOOR);
            shares.put(weight.getKey(), floor);
            remainders.put(weight.getKey(), exact.subtract(floor));
            assigned = assigned.add(floor);
        }
        long leftover = total.subtract(assigned).divide(unit, 0, RoundingMode.HALF_EVEN).longValueExact();
        List<String> order = new ArrayList<>(remainders.keySet());
        order.sort(Comparator.comparing((String key) -> remainders.get(key)).reversed().thenComparing(key -> key));
        for (int index = 0; index < leftover; index++) {
            String key = order.get(index % order.size());
            shares.put(key, shares.get(key).add(unit));
        }
        return shares;
    }
}
