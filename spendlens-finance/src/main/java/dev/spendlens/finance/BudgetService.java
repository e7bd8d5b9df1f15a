package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.api.ExpressionJson;
import dev.spendlens.budget.Budget;
import dev.spendlens.budget.BudgetCheck;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.finance.BudgetRepository;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.forecast.Forecast;
import dev.spendlens.forecast.ForecastInterval;
import dev.spendlens.money.ExchangeRates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Budgets: kept in the store, and their status (actual, forecast, thresholds crossed, burn-down) computed from it. */
public final class BudgetService {
    static final int FORECAST_LEVEL = 80;

    private final StoreAccess access;
    private final ExchangeRates rates;
    private final BudgetRepository repository;

    public BudgetService(StoreAccess access, ExchangeRates rates) {
        this.access = requireNonNull(access, "access is null");
        this.rates = requireNonNull(rates, "rates is null");
        this.repository = new BudgetRepository(access.store());
    }

    /** Adds a budget (or replaces one of the same name), after checking its filter. */
    public Budget save(Budget budget, boolean replace) {
        filter(budget);
        repository.save(budget.name(), BudgetJson.write(budget).toString(), access.clock().instant(), replace);
        return budget;
    }

    public List<Budget> list() {
        return repository.list().stream().map(stored -> BudgetJson.parse(stored.definition(), access.engine().currency())).toList();
    }

    public Budget get(String name) {
        return repository.find(name).map(stored -> BudgetJson.parse(stored.definition(), access.engine().currency()))
                .orElseThrow(() -> new SpendlensException(ErrorCode.NOT_FOUND, "no budget named '%s' (./spendlens budgets list)".formatted(name)));
    }

    public boolean delete(String name) {
        return repository.delete(name);
    }

    BudgetRepository repository() {
        return repository;
    }

    StoreAccess access() {
        return access;
    }

    /** The budget's current period: the one holding the last day of data (or {@code asOf}). */
    public BudgetStatus status(Budget budget, Optional<LocalDate> asOf) {
        ForecastService forecasts = new ForecastService(access);
        LocalDate through = forecasts.dataThrough(asOf);
        LocalDate start = budget.period().start(through);
        LocalDate end = budget.period().end(start);
        Optional<Expression> filter = filter(budget);
        String billing = access.engine().currency();
        BigDecimal rate = rates.require(billing, budget.currency(), through);

        List<BigDecimal> daily = new ArrayList<>();
        for (ResultByTime bucket : access.engine().run(new CostQuery(new TimePeriod(start, through.plusDays(1)), Granularity.DAILY, List.of(Metric.UNBLENDED_COST),
                List.of(), filter)).resultsByTime()) {
            daily.add(bucket.total().get(Metric.UNBLENDED_COST).amount());
        }
        BigDecimal actualBilling = daily.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = actualBilling.multiply(rate, MathContext.DECIMAL128);
        int daysLeft = (int) ChronoUnit.DAYS.between(through.plusDays(1), end);
        Optional<Forecast> forecast = Optional.empty();
        if (daysLeft > 0) {
            ForecastRequest request = new ForecastRequest(new TimePeriod(through.plusDays(1), end), Granularity.DAILY, Metric.UNBLENDED_COST, filter, Optional.empty(),
                    FORECAST_LEVEL, Optional.of(through), 1);
            forecast = Optional.of(forecasts.forecast(request).total().forecast());
        }
        double factor = rate.doubleValue();
        ForecastInterval atEnd = forecast.map(value -> value.sum(0, daysLeft)).map(sum -> new ForecastInterval(sum.mean() * factor, sum.lower() * factor, sum.upper() * factor))
                .orElse(new ForecastInterval(0, 0, 0)).plus(actual.doubleValue());
        BigDecimal budgetAmount = budget.amountFor(start);
        List<BudgetCheck.Crossing> crossings = BudgetCheck.crossings(budget, budgetAmount, actual, BigDecimal.valueOf(atEnd.mean()));
        Optional<BudgetCheck.Crossing> hardLimit = BudgetCheck.hardLimit(budget, budgetAmount, actual);

        List<BudgetStatus.BurnDownPoint> burnDown = new ArrayList<>();
        long periodDays = ChronoUnit.DAYS.between(start, end);
        BigDecimal cumulative = BigDecimal.ZERO;
        int day = 0;
        for (LocalDate date = start; date.isBefore(end); date = date.plusDays(1), day++) {
            BigDecimal ideal = budgetAmount.multiply(BigDecimal.valueOf(day + 1L)).divide(BigDecimal.valueOf(periodDays), 10, RoundingMode.HALF_EVEN);
            if (!date.isAfter(through)) {
                cumulative = cumulative.add(daily.get(day).multiply(rate, MathContext.DECIMAL128));
                burnDown.add(new BudgetStatus.BurnDownPoint(date, Optional.of(cumulative), ideal, Optional.empty()));
            } else {
                int ahead = (int) ChronoUnit.DAYS.between(through, date);
                ForecastInterval sum = forecast.orElseThrow().sum(0, ahead);
                burnDown.add(new BudgetStatus.BurnDownPoint(date, Optional.empty(), ideal,
                        Optional.of(new ForecastInterval(sum.mean() * factor, sum.lower() * factor, sum.upper() * factor).plus(actual.doubleValue()))));
            }
        }
        return new BudgetStatus(budget, start, end, through, budgetAmount, actual, atEnd, billing, actualBilling, rate, crossings, hardLimit,
                repository.crossed(budget.name(), start), burnDown);
    }

    public List<BudgetStatus> statuses(Optional<LocalDate> asOf) {
        return list().stream().map(budget -> status(budget, asOf)).toList();
    }

    /** The budget's filter as an Expression, checked against the configured dimensions. */
    Optional<Expression> filter(Budget budget) {
        if (budget.filter().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExpressionJson(access.fields()).parse(BudgetJson.MAPPER.readTree(budget.filter().get()), "Filter"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SpendlensException(ErrorCode.INVALID_FILTER, "budget '%s': Filter is not valid JSON: %s".formatted(budget.name(), e.getOriginalMessage()));
        }
    }
}
