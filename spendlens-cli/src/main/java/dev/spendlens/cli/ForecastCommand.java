package dev.spendlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.CostForecastJson;
import dev.spendlens.finance.ForecastAnswer;
import dev.spendlens.finance.ForecastRequest;
import dev.spendlens.finance.ForecastService;
import dev.spendlens.finance.Projection;
import dev.spendlens.finance.SeriesCsv;
import dev.spendlens.forecast.Forecast;
import dev.spendlens.forecast.ForecastInterval;
import dev.spendlens.forecast.Forecaster;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens forecast}: spend forecasts per group, month-end and quarter-end projections, or a forecast of any date,value CSV. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecast Bedrock spend for the total or per group (team, PRINCIPAL, MODEL, LINKED_ACCOUNT ...), with prediction intervals",
                "calibrated on each series' own past errors, and project the month and quarter to their end with what drives them.",
                "With --series FILE.csv, forecast any daily date,value series instead."})
final class ForecastCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--group-by", paramLabel = "KEY", description = "One forecast per value of KEY (team, PRINCIPAL, MODEL, LINKED_ACCOUNT, ... or total). Default: total.")
    String groupBy;

    @Option(names = "--horizon", paramLabel = "DAYS", defaultValue = "30", description = "Days to forecast after the last day of data (default ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--interval", paramLabel = "80|95", defaultValue = "80", description = "Prediction interval level in percent, 51 to 99 (default ${DEFAULT-VALUE}).")
    int interval;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "UnblendedCost", description = "UnblendedCost, NetUnblendedCost, UsageQuantity or Tokens.")
    String metric;

    @Option(names = "--filter", paramLabel = "JSON|@FILE", description = "A Cost Explorer filter Expression, inline or @file.")
    String filter;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Use data up to this day only, as if it were the last (to check past forecasts).")
    LocalDate asOf;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15", description = "Forecast the N biggest groups; the rest are summed as __other__ (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--series", paramLabel = "FILE.csv", description = "Forecast a daily date,value CSV instead of the store's spend.")
    Path series;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (GetCostForecast's response shape; with --series, [{date, mean, lower, upper}]).")
    TextFormat format;

    ForecastCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (series != null) {
            return forecastSeries();
        }
        FieldParser fields = ReportCommand.fieldParser(context, store);
        Optional<Field> group = groupBy == null || groupBy.isBlank() || groupBy.equalsIgnoreCase("total") ? Optional.empty() : Optional.of(fields.parse(groupBy));
        ForecastService service = new ForecastService(context.access(store));
        LocalDate through = service.dataThrough(Optional.ofNullable(asOf));
        Metric parsedMetric = Metric.parse(metric);
        ForecastRequest request = new ForecastRequest(new TimePeriod(through.plusDays(1), through.plusDays(1L + checkedHorizon())), Granularity.DAILY, parsedMetric,
                ReportCommand.parseFilter(fields, filter), group, interval, Optional.ofNullable(asOf), top);
        ForecastAnswer answer = service.forecast(request);
        PrintStream out = context.out();
        switch (format) {
            case json -> out.println(JSON.writeValueAsString(CostForecastJson.write(answer)));
            case csv -> {
                out.println("group,date,mean,lower,upper,unit,method");
                for (ForecastAnswer.Series value : series(answer)) {
                    for (ForecastAnswer.Bucket bucket : value.buckets()) {
                        out.printf("%s,%s,%.2f,%.2f,%.2f,%s,%s%n", csv(label(value)), bucket.start(), bucket.value().mean(), bucket.value().lower(),
                                bucket.value().upper(), answer.unit(), value.forecast().method());
                    }
                }
            }
            case table -> table(out, answer, service.project(group, request.filter(), parsedMetric, interval, Optional.ofNullable(asOf), top));
        }
        return 0;
    }

    private int forecastSeries() throws IOException {
        Forecast forecast = new Forecaster().forecast(SeriesCsv.read(series), checkedHorizon(), interval);
        switch (format) {
            case json -> context.out().println(JSON.writeValueAsString(SeriesCsv.json(forecast)));
            case csv, table -> {
                context.out().println("date,mean,lower,upper");
                for (Forecast.DatedInterval point : forecast.points()) {
                    context.out().printf("%s,%.4f,%.4f,%.4f%n", point.date(), point.interval().mean(), point.interval().lower(), point.interval().upper());
                }
                context.err().printf("method: %s (chosen by backtest over %d past forecasts)%n", forecast.method().describe(), forecast.calibration().origins());
            }
        }
        return 0;
    }

    private int checkedHorizon() {
        if (horizon < 1 || horizon > 3660) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--horizon must be 1 to 3660 days, was " + horizon);
        }
        return horizon;
    }

    private static List<ForecastAnswer.Series> series(ForecastAnswer answer) {
        return answer.groups().isEmpty() ? List.of(answer.total()) : answer.groups();
    }

    private static String label(ForecastAnswer.Series series) {
        return series.keys().isEmpty() ? "total" : String.join(" / ", series.keys());
    }

    private void table(PrintStream out, ForecastAnswer answer, List<Projection> projections) {
        String unit = answer.unit();
        out.printf("Bedrock %s forecast, data through %s, next %d days, %d%% prediction intervals%n%n", answer.request().metric().apiName(), answer.dataThrough(),
                answer.total().buckets().size(), answer.request().level());
        out.printf("%-44s %-34s %16s %29s%n", answer.request().groupBy().map(Field::label).orElse(""), "method (chosen by backtest)", "next %d days".formatted(horizon),
                "interval");
        for (ForecastAnswer.Series value : series(answer)) {
            ForecastInterval total = value.periodTotal();
            out.printf("%-44s %-34s %16s %29s%n", shorten(label(value), 44), value.forecast().method().describe(), money(total.mean()),
                    "[%s, %s]".formatted(money(total.lower()), money(total.upper())));
        }
        if (!answer.groups().isEmpty()) {
            ForecastInterval total = answer.total().periodTotal();
            out.printf("%-44s %-34s %16s %29s%n", "total", answer.total().forecast().method().describe(), money(total.mean()),
                    "[%s, %s]".formatted(money(total.lower()), money(total.upper())));
        }
        out.println();
        out.printf("Projections (%s):%n", unit);
        for (Projection projection : projections) {
            String name = projection.keys().isEmpty() ? "total" : String.join(" / ", projection.keys());
            out.printf("%s%n  %s month end   %s  [%s, %s]   to date %s, previous month %s%n", name, projection.month().toString().substring(0, 7),
                    money(projection.monthEnd().mean()), money(projection.monthEnd().lower()), money(projection.monthEnd().upper()),
                    money(projection.monthToDate()), money(projection.previousMonth()));
            out.printf("  quarter from %s   %s  [%s, %s]   to date %s%n", projection.quarter(), money(projection.quarterEnd().mean()),
                    money(projection.quarterEnd().lower()), money(projection.quarterEnd().upper()), money(projection.quarterToDate()));
            for (Projection.Driver driver : projection.drivers()) {
                out.printf("    grows: %-9s %-70s %s -> %s (%s)%n", driver.dimension(), shorten(driver.value(), 70), money(driver.previousMonth()),
                        money(driver.projectedMonth()), (driver.change() >= 0 ? "+" : "") + money(driver.change()));
            }
        }
    }

    private static String money(double value) {
        return Numbers.money(BigDecimal.valueOf(value));
    }

    private static String money(BigDecimal value) {
        return Numbers.money(value);
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : "..." + text.substring(text.length() - width + 3);
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
