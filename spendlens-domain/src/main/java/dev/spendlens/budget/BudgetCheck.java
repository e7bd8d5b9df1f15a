package dev.spendlens.budget;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Which of a budget's thresholds the actual and forecast spend of a period cross. */
public final class BudgetCheck {
    private BudgetCheck() {}

    /**
     * A threshold crossed.
     *
     * @param limit the amount it stands for
     * @param observed the actual or forecast spend that crossed it
     */
    public record Crossing(BudgetThreshold threshold, BigDecimal limit, BigDecimal observed) {
        public Crossing {
            requireNonNull(threshold, "threshold is null");
            requireNonNull(limit, "limit is null");
            requireNonNull(observed, "observed is null");
        }
    }

    /** The crossed thresholds, in the budget's order; the hard limit last, when crossed. */
    public static List<Crossing> crossings(Budget budget, BigDecimal budgetAmount, BigDecimal actual, BigDecimal forecast) {
        List<Crossing> crossed = new ArrayList<>();
        for (BudgetThreshold threshold : budget.thresholds()) {
            check(threshold, budgetAmount, actual, forecast).ifPresent(crossed::add);
        }
        return crossed;
    }

    /** The hard limit, when actual spend crossed it. */
    public static java.util.Optional<Crossing> hardLimit(Budget budget, BigDecimal budgetAmount, BigDecimal actual) {
        return budget.hardLimit().flatMap(limit -> check(limit, budgetAmount, actual, actual));
    }

    private static java.util.Optional<Crossing> check(BudgetThreshold threshold, BigDecimal budgetAmount, BigDecimal actual, BigDecimal forecast) {
        BigDecimal limit = threshold.limit(budgetAmount);
        BigDecimal observed = switch (threshold.basis()) {
            case ACTUAL -> actual;
            case FORECAST -> forecast;
        };
        return observed.compareTo(limit) >= 0 ? java.util.Optional.of(new Crossing(threshold, limit, observed)) : java.util.Optional.empty();
    }
}
