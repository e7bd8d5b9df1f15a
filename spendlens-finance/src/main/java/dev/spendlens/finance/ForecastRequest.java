package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A GetCostForecast-shaped question, plus an optional group-by (one forecast per team, principal,
 * model, account ...) and an "as of" day that hides later data (for backtests and demos).
 *
 * @param period the days to forecast, end exclusive
 * @param granularity DAILY or MONTHLY buckets of the answer
 * @param metric what to forecast
 * @param filter a Cost Explorer Expression, if any
 * @param groupBy one forecast per value of this field; empty for the total only
 * @param level the prediction interval level, 51 to 99
 * @param asOf the last day of data to use; empty for the last day in the store
 * @param maxGroups the biggest groups (by spend over the last 28 days) to forecast; the rest are summed into one
 */
public record ForecastRequest(TimePeriod period, Granularity granularity, Metric metric, Optional<Expression> filter, Optional<Field> groupBy, int level,
        Optional<LocalDate> asOf, int maxGroups) {
    public ForecastRequest {
        requireNonNull(period, "period is null");
        requireNonNull(granularity, "granularity is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(groupBy, "groupBy is null");
        requireNonNull(asOf, "asOf is null");
        if (granularity == Granularity.HOURLY) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "Granularity: forecasts are DAILY or MONTHLY, as in Cost Explorer");
        }
        if (level < 51 || level > 99) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "PredictionIntervalLevel must be 51 to 99 (80 and 95 are usual), was " + level);
        }
        if (maxGroups < 1) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the number of groups must be at least 1, was " + maxGroups);
        }
    }
}
