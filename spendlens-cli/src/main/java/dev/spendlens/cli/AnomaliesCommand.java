package dev.spendlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.spendlens.anomalies.AnomalyService;
import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.detection.AnomalyDetector;
import dev.spendlens.detection.DetectionSettings;
import dev.spendlens.detection.HolidayCalendar;
import dev.spendlens.detection.SeriesAnomaly;
import dev.spendlens.detection.TimeSeries;
import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens anomalies}: the anomaly history, or the detector run on a CSV series. */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
        subcommands = {AnomalyDetectCommand.class, AnomalyShowCommand.class, AnomalyFeedbackCommand.class, AnomalyMonitorsCommand.class,
                AnomalyNotifyCommand.class, AnomalyDeliveriesCommand.class, EvaluateCommand.class, AnomalySpeedCommand.class},
        description = {"Cost anomalies per principal, person, team, model and account, with their root causes.",
                "Without a subcommand: the anomalies kept in the store (run 'anomalies detect' to look for new ones).",
                "With --series FILE.csv: run the detector on any date,value (or timestamp,value) CSV and print the flagged periods as JSON."})
final class AnomaliesCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--from", paramLabel = "DATE", description = "Anomalies still running on or after this day.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Anomalies starting before this day (exclusive).")
    String to;

    @Option(names = "--monitor", paramLabel = "NAME", description = "Only this monitor's anomalies.")
    String monitor;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    ListFormat format;

    @Option(names = "--series", paramLabel = "FILE.csv", description = "Run the detector on this date,value CSV instead of reading the store.")
    Path seriesFile;

    @Option(names = "--granularity", paramLabel = "DAILY|HOURLY", defaultValue = "DAILY", description = "Buckets of the --series CSV (default ${DEFAULT-VALUE}).")
    String granularity;

    @Option(names = "--minimum-impact", paramLabel = "AMOUNT", defaultValue = "0",
            description = "For --series: the least rise per bucket worth flagging, in the CSV's unit (default ${DEFAULT-VALUE}: statistics alone decide).")
    double minimumImpact;

    AnomaliesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (seriesFile != null) {
            return series();
        }
        AnomalyService service = service(context, store);
        Optional<LocalDate> start = Optional.ofNullable(from).map(text -> TimePeriod.parse(text, "2999-01-01", "--from", "--to").start());
        Optional<LocalDate> end = Optional.ofNullable(to).map(text -> TimePeriod.parse("1970-01-01", text, "--from", "--to").end());
        List<CostAnomaly> anomalies = service.list(start, end, Optional.ofNullable(monitor));
        String currency = new CostQueryEngine(context.store(store), context.clock()).currency();
        switch (format) {
            case json -> {
                ArrayNode array = AnomalyOutput.JSON.createArrayNode();
                anomalies.forEach(anomaly -> array.add(AnomalyOutput.json(anomaly, currency)));
                context.out().println(AnomalyOutput.write(array));
            }
            case table -> AnomalyOutput.table(context.out(), anomalies, currency);
        }
        return 0;
    }

    private int series() {
        Granularity buckets = Granularity.parse(granularity);
        if (buckets == Granularity.MONTHLY) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--granularity must be DAILY or HOURLY for --series");
        }
        TimeSeries series = SeriesCsv.read(seriesFile, buckets);
        SpendlensConfig config = context.config(store.config());
        DetectionSettings configured = AnomalyService.settings(config.anomalies());
        DetectionSettings settings = new DetectionSettings(configured.minimumScore(), minimumImpact, configured.minimumRatio(), configured.levelShiftBuckets(),
                configured.driftRatio(), configured.newSeriesShare());
        List<SeriesAnomaly> anomalies = new AnomalyDetector(settings, new HolidayCalendar(new HashSet<>(config.anomalies().holidays()))).detect(series);
        ArrayNode array = AnomalyOutput.JSON.createArrayNode();
        for (SeriesAnomaly anomaly : anomalies) {
            array.addObject().put("start", anomaly.start().toString()).put("end", anomaly.end().toString()).put("expected", round(anomaly.expected()))
                    .put("actual", round(anomaly.actual())).put("score", round(anomaly.score())).put("kind", anomaly.kind().name())
                    .put("ongoing", anomaly.ongoing()).put("explanation", anomaly.explanation());
        }
        context.out().println(AnomalyOutput.write(array));
        return 0;
    }

    private static BigDecimal round(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros() : BigDecimal.ZERO;
    }

    /** The anomaly service of the store and configuration, after bringing allocations up to date with the rules. */
    static AnomalyService service(CliContext context, StoreOptions store) {
        try (Connection connection = context.store(store).connect()) {
            AllocationTable.synchronize(connection, context.allocator(store));
        } catch (SQLException e) {
            throw SqlFailures.internal("updating allocations", e);
        }
        SpendlensConfig config = context.config(store.config());
        return AnomalyService.create(context.store(store), config.anomalies(), config.alerts(), ReportCommand.fieldParser(context, store), context.clock());
    }
}
