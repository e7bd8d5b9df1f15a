package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.forecast.Forecast;
import dev.spendlens.forecast.ForecastInterval;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a {@link ForecastRequest}: the total and, when grouped, each group, each with its
 * buckets (days or months of the requested period).
 *
 * @param dataThrough the last day of data the forecasts start after
 * @param unit the metric's unit (the billing currency for costs)
 * @param total the forecast of the whole (filtered) spend
 * @param groups one per group, biggest first; empty when not grouped
 */
public record ForecastAnswer(ForecastRequest request, LocalDate dataThrough, String unit, Series total, List<Series> groups) {
    public ForecastAnswer {
        requireNonNull(request, "request is null");
        requireNonNull(dataThrough, "dataThrough is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(total, "total is null");
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
    }

    /** One forecast series: its group keys, the forecast from the day after the data, and the requested period's buckets and sum. */
    public record Series(List<String> keys, Forecast forecast, List<Bucket> buckets, ForecastInterval periodTotal) {
        public Series {
            keys = List.copyOf(requireNonNull(keys, "keys is null"));
            requireNonNull(forecast, "forecast is null");
            buckets = List.copyOf(requireNonNull(buckets, "buckets is null"));
            requireNonNull(periodTotal, "periodTotal is null");
        }
    }

    /** A day or month of the requested period, end exclusive. */
    public record Bucket(LocalDate start, LocalDate end, ForecastInterval value) {
        public Bucket {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            requireNonNull(value, "value is null");
        }
    }
}
