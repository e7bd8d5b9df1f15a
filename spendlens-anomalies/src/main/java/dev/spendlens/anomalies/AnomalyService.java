package dev.spendlens.anomalies;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.Severity;
import dev.spendlens.alerts.ConfiguredAlerts;
import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.alerts.Dispatcher;
import dev.spendlens.alerts.Route;
import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.anomaly.Feedback;
import dev.spendlens.anomaly.MonitorDefinition;
import dev.spendlens.config.AlertsConfig;
import dev.spendlens.config.AnomaliesConfig;
import dev.spendlens.config.MonitorConfig;
import dev.spendlens.config.SubscriptionConfig;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.AnomalyDetector;
import dev.spendlens.detection.CauseCell;
import dev.spendlens.detection.DetectionSettings;
import dev.spendlens.detection.HolidayCalendar;
import dev.spendlens.detection.RootCause;
import dev.spendlens.detection.ScoreMeaning;
import dev.spendlens.detection.SeriesAnomaly;
import dev.spendlens.detection.TimeSeries;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.alert.DuckDbAlertLog;
import dev.spendlens.duckdb.anomaly.AnomalyRepository;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.duckdb.query.SeriesQuery;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the anomaly monitors over the store: reads each monitor's series (daily, and hourly where
 * the export is hourly), finds anomalies, sums and explains them exactly, keeps them with their
 * history and feedback, and sends the recent ones to their owners through the alert dispatcher.
 */
public final class AnomalyService {
    private static final int HOURLY_LOOKBACK_DAYS = 28;
    private static final int DAILY_CAUSE_DAYS = 28;
    private static final int HOURLY_CAUSE_DAYS = 7;

    private final DuckDbStore store;
    private final AnomaliesConfig config;
    private final FieldParser fields;
    private final Optional<Dispatcher> dispatcher;
    private final Clock clock;
    private final AnomalyRepository repository;
    private final SeriesQuery series;
    private final AnomalyDetector detector;

    public AnomalyService(DuckDbStore store, AnomaliesConfig config, FieldParser fields, Optional<Dispatcher> dispatcher, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.config = requireNonNull(config, "config is null");
        this.fields = requireNonNull(fields, "fields is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.repository = new AnomalyRepository(store);
        this.series = new SeriesQuery(store);
        this.detector = new AnomalyDetector(settings(config), new HolidayCalendar(new HashSet<>(config.holidays())));
        monitors().forEach(monitor -> Monitor.resolve(monitor, fields));
    }

    /** The service with the configured channels; without channels, anomalies are kept and shown but sent nowhere. */
    public static AnomalyService create(DuckDbStore store, AnomaliesConfig anomalies, AlertsConfig alerts, FieldParser fields, Clock clock) {
        Optional<Dispatcher> dispatcher = alerts.channels().isEmpty() ? Optional.empty()
                : Optional.of(ConfiguredAlerts.dispatcher(alerts, routes(anomalies), new DuckDbAlertLog(store), clock));
        return new AnomalyService(store, anomalies, fields, dispatcher, clock);
    }

    /** The subscriptions as alert routes: anomaly alerts of their monitors, above their thresholds. */
    public static List<Route> routes(AnomaliesConfig config) {
        List<Route> routes = new ArrayList<>();
        for (SubscriptionConfig subscription : config.subscriptions()) {
            routes.add(new Route(subscription.name(), Set.of(AnomalyAlerts.SOURCE), Set.copyOf(subscription.monitors()), Set.of(), Severity.INFO,
                    subscription.threshold(), subscription.frequency(), subscription.channels(), subscription.toOwner()));
        }
        return routes;
    }

    public static DetectionSettings settings(AnomaliesConfig config) {
        DetectionSettings defaults = DetectionSettings.defaults();
        return new DetectionSettings(config.minimumScore(), config.minimumImpact(), config.minimumRisePercent() / 100.0, defaults.levelShiftBuckets(),
                defaults.driftRatio(), config.newSeriesPercentile() / 100.0);
    }

    public AnomalyDetector detector() {
        return detector;
    }

    public Optional<Dispatcher> dispatcher() {
        return dispatcher;
    }

    /** The monitors of the configuration file, then those created through the API. */
    public List<MonitorDefinition> monitors() {
        List<MonitorDefinition> monitors = new ArrayList<>();
        for (MonitorConfig monitor : config.monitors()) {
            monitors.add(new MonitorDefinition(monitor.name(), monitor.dimension(), monitor.filter(), monitor.hourly(), "config"));
        }
        monitors.addAll(repository.monitors());
        return monitors;
    }

    /** Creates (or replaces) an API monitor, checking its dimension and filter first. */
    public MonitorDefinition createMonitor(MonitorDefinition monitor) {
        if (config.monitors().stream().anyMatch(configured -> configured.name().equals(monitor.name()))) {
            throw new SpendlensException(ErrorCode.CONFLICT, "monitor %s is defined in the configuration file; change it there".formatted(monitor.name()));
        }
        Monitor.resolve(monitor, fields);
        MonitorDefinition stored = new MonitorDefinition(monitor.name(), monitor.dimension(), monitor.filterJson(), monitor.hourly(), "api");
        repository.saveMonitor(stored, clock.instant());
        return stored;
    }

    public void deleteMonitor(String name) {
        if (config.monitors().stream().anyMatch(configured -> configured.name().equals(name))) {
            throw new SpendlensException(ErrorCode.CONFLICT, "monitor %s is defined in the configuration file; remove it there".formatted(name));
        }
        if (!repository.deleteMonitor(name)) {
            throw new SpendlensException(ErrorCode.NOT_FOUND, "no monitor named %s".formatted(name));
        }
    }

    /**
     * Runs every monitor (or one) over the lookback window ending the day before {@code to}
     * (default: after the last day in the store), keeps what it finds and alerts on recent anomalies.
     */
    public DetectionRun detect(Optional<LocalDate> to, Optional<String> onlyMonitor, Consumer<String> progress) {
        Optional<LocalDate[]> span = series.span();
        if (span.isEmpty()) {
            return new DetectionRun(LocalDate.now(clock), LocalDate.now(clock), 0, List.of(), 0, 0, 0, DispatchReport.empty());
        }
        LocalDate end = to.orElse(span.get()[1].plusDays(1));
        LocalDate start = maxDate(span.get()[0], end.minusDays(config.lookbackDays()));
        if (!end.isAfter(start)) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "nothing to look at before %s: the store starts on %s".formatted(end, span.get()[0]));
        }
        String currency = new CostQueryEngine(store, clock).currency();
        Optional<LocalDate> callersFrom = series.firstCallerDay();
        List<CostAnomaly> found = new ArrayList<>();
        int seriesCount = 0;
        for (MonitorDefinition definition : monitors()) {
            if (onlyMonitor.isPresent() && !onlyMonitor.get().equals(definition.name())) {
                continue;
            }
            Monitor monitor = Monitor.resolve(definition, fields);
            Optional<LocalDate> attributionChange = attributionChange(monitor, callersFrom, span.get()[0]);
            List<Granularity> granularities = new ArrayList<>(List.of(Granularity.DAILY));
            LocalDate hourlyStart = maxDate(start, end.minusDays(HOURLY_LOOKBACK_DAYS));
            if (definition.hourly() && series.hourly(hourlyStart, end)) {
                granularities.add(Granularity.HOURLY);
            }
            for (Granularity granularity : granularities) {
                LocalDate from = granularity == Granularity.HOURLY ? hourlyStart : start;
                if (monitor.byCaller()) {
                    // Before the first charge with a caller (legacy CUR, before April 2026) no caller's spend is known: not zero, unknown.
                    if (callersFrom.isEmpty() || !callersFrom.get().isBefore(end)) {
                        continue;
                    }
                    from = maxDate(from, callersFrom.get());
                }
                List<TimeSeries> monitorSeries = series.series(from, end, granularity, monitor.split(), monitor.group(), monitor.filter());
                seriesCount += monitorSeries.size();
                List<SeriesAnomaly> anomalies = detector.detect(monitorSeries);
                progress.accept("%s %s: %d series, %d anomalies".formatted(definition.name(), granularity.name().toLowerCase(java.util.Locale.ROOT),
                        monitorSeries.size(), anomalies.size()));
                for (SeriesAnomaly anomaly : anomalies) {
                    found.add(explain(monitor, granularity, anomaly, attributionChange));
                }
            }
        }
        AnomalyRepository.Saved stored = repository.save(found, clock.instant());
        List<CostAnomaly> saved = stored.anomalies();
        // One alert per anomaly: of the daily and hourly views of one rise, the bigger speaks.
        java.util.Map<String, CostAnomaly> toAlert = new java.util.LinkedHashMap<>();
        LocalDateTime recent = end.minusDays(config.alertWindowDays()).atStartOfDay();
        for (CostAnomaly anomaly : saved) {
            boolean dismissed = anomaly.feedback().filter(feedback -> feedback != Feedback.YES).isPresent();
            if ((anomaly.ongoing() || !anomaly.end().isBefore(recent)) && anomaly.suppressed().isEmpty() && !dismissed) {
                toAlert.merge(AnomalyAlerts.key(anomaly), anomaly, (left, right) -> right.impact().compareTo(left.impact()) > 0 ? right : left);
            }
        }
        DispatchReport report = DispatchReport.empty();
        if (dispatcher.isPresent()) {
            for (CostAnomaly anomaly : toAlert.values()) {
                report = report.plus(dispatcher.get().submit(AnomalyAlerts.alert(anomaly, currency, clock.instant())));
            }
        }
        int alerted = toAlert.size();
        List<CostAnomaly> latestFirst = new ArrayList<>(saved);
        latestFirst.sort((left, right) -> right.start().compareTo(left.start()));
        return new DetectionRun(start, end, seriesCount, latestFirst, stored.created(), stored.changed(), alerted, report);
    }

    /** Sends what waits for a digest (or, with {@link Frequency#IMMEDIATE}, for another try). */
    public DispatchReport flush(Frequency frequency) {
        return dispatcher.map(sender -> sender.flush(frequency)).orElse(DispatchReport.empty());
    }

    public List<CostAnomaly> list(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> monitor) {
        return repository.list(from.map(LocalDate::atStartOfDay), to.map(LocalDate::atStartOfDay), monitor);
    }

    public CostAnomaly find(String id) {
        return repository.find(id).orElseThrow(() -> new SpendlensException(ErrorCode.NOT_FOUND, "no anomaly %s (list them with ./spendlens anomalies)".formatted(id)));
    }

    public CostAnomaly feedback(String id, Feedback feedback, Optional<String> note) {
        return repository.feedback(id, feedback, note, clock.instant());
    }

    /**
     * The day owners may change for reasons other than spend: on the first day the store names callers (CUR 2.0 carries
     * them since April 2026), principal and session tags start to allocate spend that no tag allocated before, so a
     * team (or a tag value) steps up while nothing was spent differently. Empty for monitors of charges (models,
     * accounts) and when the store holds nothing before that day.
     */
    private static Optional<LocalDate> attributionChange(Monitor monitor, Optional<LocalDate> callersFrom, LocalDate storeStart) {
        return callersFrom.filter(day -> monitor.byOwner() && day.isAfter(storeStart));
    }

    private CostAnomaly explain(Monitor monitor, Granularity granularity, SeriesAnomaly anomaly, Optional<LocalDate> attributionChange) {
        String key = anomaly.key();
        LocalDateTime start = anomaly.start();
        LocalDateTime end = anomaly.end();
        int causeDays = granularity == Granularity.HOURLY ? HOURLY_CAUSE_DAYS : DAILY_CAUSE_DAYS;
        List<CauseCell> during = series.cells(start, end, granularity, monitor.split(), key, monitor.filter());
        List<CauseCell> before = series.cells(start.minusDays(causeDays), start, granularity, monitor.split(), key, monitor.filter());
        BigDecimal actual = during.stream().map(CauseCell::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = BigDecimal.valueOf(anomaly.expected()).setScale(10, RoundingMode.HALF_EVEN);
        Optional<String> owner = owner(monitor, granularity, anomaly);
        Optional<String> suppressed = repository.lastPlanned(monitor.name(), key)
                .filter(plannedEnd -> !start.isAfter(plannedEnd.plusDays(config.plannedSuppressionDays())))
                .map(plannedEnd -> "planned activity: an earlier anomaly of this series (until %s) was marked planned".formatted(plannedEnd))
                .or(() -> attributionChange.filter(day -> start.toLocalDate().equals(day))
                        .map(day -> ("attribution changed, not spend: %s is the first day the export names callers, so principal and session tags "
                                + "allocate from then on what no tag allocated before").formatted(day)));
        String bucket = granularity == Granularity.HOURLY ? "hour" : "day";
        return new CostAnomaly(id(monitor.name(), granularity, key, start), monitor.name(), granularity, key, anomaly.kind(), start, end, anomaly.ongoing(), expected,
                actual, anomaly.score(), ScoreMeaning.describe(anomaly.score(), bucket), anomaly.explanation(), owner, RootCause.explain(before, during, expected),
                clock.instant(), suppressed, Optional.empty(), Optional.empty());
    }

    /** The team (owner dimension) of the series: the key itself on a monitor of that dimension, else the team carrying most of its spend. */
    private Optional<String> owner(Monitor monitor, Granularity granularity, SeriesAnomaly anomaly) {
        Optional<dev.spendlens.costquery.Field> ownerField;
        try {
            ownerField = Optional.of(fields.allocation(config.ownerDimension()));
        } catch (SpendlensException e) {
            return Optional.empty();
        }
        if (monitor.split().equals(ownerField)) {
            return Optional.of(anomaly.key()).filter(key -> !dev.spendlens.allocation.ReservedBucket.isReserved(key));
        }
        return series.dominant(anomaly.start(), anomaly.end(), granularity, monitor.split(), anomaly.key(), monitor.filter(), ownerField.get())
                .filter(team -> !dev.spendlens.allocation.ReservedBucket.isReserved(team));
    }

    static String id(String monitor, Granularity granularity, String key, LocalDateTime start) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", monitor, granularity.name(), key, start.toString()).getBytes(StandardCharsets.UTF_8));
            return "an-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static LocalDate maxDate(LocalDate left, LocalDate right) {
        return left.isAfter(right) ? left : right;
    }
}
