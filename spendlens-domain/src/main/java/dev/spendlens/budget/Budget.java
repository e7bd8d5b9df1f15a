package dev.spendlens.budget;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.money.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A budget: an amount per month, quarter or year (fixed, or planned month by month) for the spend a
 * filter selects (an allocation dimension's value, a principal, a tag, or any Cost Explorer filter),
 * in the user's currency, with the thresholds that alert.
 *
 * @param name unique, lower case letters, digits and dashes
 * @param filter a Cost Explorer Expression as JSON; empty for all Bedrock spend
 * @param scope how the filter reads to people, e.g. {@code team = data-science}
 * @param period monthly, quarterly or annual
 * @param currency the currency of the amounts (ISO 4217)
 * @param amount the amount per period; with a plan, the amount of a month the plan does not name, times the period's months
 * @param planned month -> amount, for budgets planned month by month
 * @param thresholds when to alert
 * @param hardLimit when crossed by actual spend, a deny policy is written for the principals concerned and a webhook is called
 * @param owner the team the alerts belong to, for routing
 */
public record Budget(String name, Optional<String> filter, String scope, BudgetPeriod period, String currency, BigDecimal amount, Map<YearMonth, BigDecimal> planned,
        List<BudgetThreshold> thresholds, Optional<BudgetThreshold> hardLimit, Optional<String> owner) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Budget {
        requireNonNull(name, "name is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(period, "period is null");
        Money.checkCurrency(requireNonNull(currency, "currency is null"));
        requireNonNull(amount, "amount is null");
        planned = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(planned, "planned is null")));
        thresholds = List.copyOf(requireNonNull(thresholds, "thresholds is null"));
        requireNonNull(hardLimit, "hardLimit is null");
        requireNonNull(owner, "owner is null");
        if (!NAME.matcher(name).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "budget name '%s' must be lower case letters, digits and dashes (at most 63)".formatted(name));
        }
        if (amount.signum() < 0 || planned.values().stream().anyMatch(value -> value.signum() < 0)) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "budget '%s': amounts must be 0 or more".formatted(name));
        }
        if (amount.signum() == 0 && planned.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "budget '%s' needs an amount (--amount) or a plan (--planned 2026-10=4000,...)".formatted(name));
        }
        hardLimit.ifPresent(limit -> {
            if (limit.basis() != BudgetThreshold.Basis.ACTUAL) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "budget '%s': a hard limit acts on actual spend, not on a forecast".formatted(name));
            }
        });
    }

    /** The budget of the period starting on {@code start}: the plan's months, a fixed share of the amount for months it leaves out. */
    public BigDecimal amountFor(LocalDate start) {
        if (planned.isEmpty()) {
            return amount;
        }
        BigDecimal monthly = amount.divide(BigDecimal.valueOf(period.months()), new MathContext(34, RoundingMode.HALF_EVEN));
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth month : period.monthsOf(start)) {
            total = total.add(planned.getOrDefault(month, monthly));
        }
        return total;
    }
}
