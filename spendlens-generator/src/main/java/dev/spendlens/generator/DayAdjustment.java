package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What an anomaly does to one workload on one day.
 *
 * @param multiplier factor on the ordinary volume (a level shift or a drift); 1 for none
 * @param extraCostFirstHour cost added in hour {@code extraFrom}, USD; 0 for none
 * @param extraFrom first hour with extra cost (0 for daily exports)
 * @param extraTo last hour with extra cost
 * @param growth factor from one hour's extra cost to the next
 * @param session the ARN the calls carry that day instead of the usual one (a runaway agent's stuck session)
 */
record DayAdjustment(double multiplier, double extraCostFirstHour, int extraFrom, int extraTo, double growth, Optional<String> session) {
    DayAdjustment {
        requireNonNull(session, "session is null");
    }

    static DayAdjustment scaled(double multiplier) {
        return new DayAdjustment(multiplier, 0, -1, -1, 1, Optional.empty());
    }

    static DayAdjustment extra(double costFirstHour, int from, int to, double growth, Optional<String> session) {
        return new DayAdjustment(1, costFirstHour, from, to, growth, session);
    }

    boolean hasExtra() {
        return extraCostFirstHour > 0 && extraFrom >= 0;
    }

    /** The extra cost of the whole day. */
    double extraCost() {
        if (!hasExtra()) {
            return 0;
        }
        double total = 0;
        for (int hour = extraFrom; hour <= extraTo; hour++) {
            total += extraCostFirstHour * Math.pow(growth, hour - extraFrom);
        }
        return total;
    }
}
