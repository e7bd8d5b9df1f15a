package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.budget.Budget;
import dev.spendlens.budget.BudgetCheck;
import dev.spendlens.duckdb.finance.BudgetRepository;
import dev.spendlens.forecast.ForecastInterval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a budget stands in its current period: actual spend to date and the forecast for the
 * period's end, in the budget's currency (the billing currency beside it), the thresholds crossed,
 * the alerts already raised, and the burn-down day by day.
 *
 * @param periodEnd exclusive
 * @param rate billing currency -> budget currency, at the last day of data
 * @param actualBilling actual spend in the billing currency
 */
public record BudgetStatus(Budget budget, LocalDate periodStart, LocalDate periodEnd, LocalDate dataThrough, BigDecimal budgetAmount, BigDecimal actual,
        ForecastInterval forecast, String billingCurrency, BigDecimal actualBilling, BigDecimal rate, List<BudgetCheck.Crossing> crossings,
        Optional<BudgetCheck.Crossing> hardLimit, List<BudgetRepository.Crossed> alerted, List<BurnDownPoint> burnDown) {
    public BudgetStatus {
        requireNonNull(budget, "budget is null");
        requireNonNull(periodStart, "periodStart is null");
        requireNonNull(periodEnd, "periodEnd is null");
        requireNonNull(dataThrough, "dataThrough is null");
        requireNonNull(budgetAmount, "budgetAmount is null");
        requireNonNull(actual, "actual is null");
        requireNonNull(forecast, "forecast is null");
        requireNonNull(billingCurrency, "billingCurrency is null");
        requireNonNull(actualBilling, "actualBilling is null");
        requireNonNull(rate, "rate is null");
        crossings = List.copyOf(requireNonNull(crossings, "crossings is null"));
        requireNonNull(hardLimit, "hardLimit is null");
        alerted = List.copyOf(requireNonNull(alerted, "alerted is null"));
        burnDown = List.copyOf(requireNonNull(burnDown, "burnDown is null"));
    }

    /**
     * One day of the burn-down, amounts cumulative from the period's start, in the budget's currency.
     *
     * @param actual spend so far, up to the last day of data
     * @param ideal the budget spent evenly over the period
     * @param forecast actual plus forecast, after the last day of data
     */
    public record BurnDownPoint(LocalDate date, Optional<BigDecimal> actual, BigDecimal ideal, Optional<ForecastInterval> forecast) {
        public BurnDownPoint {
            requireNonNull(date, "date is null");
            requireNonNull(actual, "actual is null");
            requireNonNull(ideal, "ideal is null");
            requireNonNull(forecast, "forecast is null");
        }
    }
}
