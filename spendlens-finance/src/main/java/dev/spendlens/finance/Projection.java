package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.forecast.ForecastInterval;
import dev.spendlens.forecast.ForecastMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a group's spend is heading: the current month and quarter projected to their end (actual
 * to date plus the forecast of the days left), and what drives the change.
 *
 * @param keys the group, empty for the total
 * @param method the forecasting method the backtest chose
 * @param monthToDate actual spend of the month up to the data's last day
 * @param monthEnd the month projected to its end
 * @param previousMonth the whole previous month, for comparison
 * @param quarterToDate actual spend of the quarter so far
 * @param quarterEnd the quarter projected to its end
 * @param drivers the principals and models whose projected month grows most over the previous month
 */
public record Projection(List<String> keys, ForecastMethod method, LocalDate month, BigDecimal monthToDate, ForecastInterval monthEnd, BigDecimal previousMonth,
        LocalDate quarter, BigDecimal quarterToDate, ForecastInterval quarterEnd, List<Driver> drivers) {
    public Projection {
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        requireNonNull(method, "method is null");
        requireNonNull(month, "month is null");
        requireNonNull(monthToDate, "monthToDate is null");
        requireNonNull(monthEnd, "monthEnd is null");
        requireNonNull(previousMonth, "previousMonth is null");
        requireNonNull(quarter, "quarter is null");
        requireNonNull(quarterToDate, "quarterToDate is null");
        requireNonNull(quarterEnd, "quarterEnd is null");
        drivers = List.copyOf(requireNonNull(drivers, "drivers is null"));
    }

    /**
     * A principal or model whose spend changes.
     *
     * @param dimension {@code PRINCIPAL} or {@code MODEL}
     * @param previousMonth its whole previous month
     * @param projectedMonth its current month projected to the end
     */
    public record Driver(String dimension, String value, double previousMonth, double projectedMonth) {
        public Driver {
            requireNonNull(dimension, "dimension is null");
            requireNonNull(value, "value is null");
        }

        public double change() {
            return projectedMonth - previousMonth;
        }
    }
}
