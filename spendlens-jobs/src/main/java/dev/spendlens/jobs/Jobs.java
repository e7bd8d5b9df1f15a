package dev.spendlens.jobs;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Frequency;
import dev.spendlens.alerts.ConfiguredAlerts;
import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.alerts.Dispatcher;
import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.anomalies.AnomalyService;
import dev.spendlens.anomalies.DetectionRun;
import dev.spendlens.config.IngestConfig;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.alert.DuckDbAlertLog;
import dev.spendlens.duckdb.ingest.CurIngestor;
import dev.spendlens.duckdb.ingest.IngestSummary;
import dev.spendlens.duckdb.ingest.PeriodSummary;
import dev.spendlens.duckdb.job.JobRunLog;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.export.ExportFile;
import dev.spendlens.finance.BudgetAlerts;
import dev.spendlens.finance.BudgetService;
import dev.spendlens.finance.FinanceSettings;
import dev.spendlens.finance.StoreAccess;
import dev.spendlens.sources.Delivery;
import dev.spendlens.sources.ExportSources;
import dev.spendlens.sources.SourceSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The work Spendlens does on its store by itself or on request: ingest sources and react to the new
 * data (retry deferred alerts, detect anomalies and send their immediate alerts, check budgets), and
 * send digests. Runs one job at a time only through a {@link JobRunner}; this class does the work.
 */
public final class Jobs {
    private final DuckDbStore store;
    private final Allocator allocator;
    private final Clock clock;
    private final SpendlensConfig config;
    private final JobRunLog log;
    private volatile boolean stopping;

    public Jobs(DuckDbStore store, Allocator allocator, Clock clock, SpendlensConfig config) {
        this.store = requireNonNull(store, "store is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.config = requireNonNull(config, "config is null");
        this.log = new JobRunLog(store);
    }

    /** What follows an ingest. */
    public enum Reaction {
        /** Nothing ({@code ingest --no-alerts}). */
        NONE,
        /** Detect anomalies and check budgets, keep what they find, send nothing (the demo: its organisation is made up). */
        QUIET,
        /** Retry deferred alerts, detect anomalies and send their immediate alerts, check budgets and send theirs. */
        ALERT
    }

    public DuckDbStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public SpendlensConfig config() {
        return config;
    }

    public JobRunLog log() {
        return log;
    }

    /** The sources to read: those given, else {@code ingest.sources}. */
    public List<String> sources(List<String> given) {
        if (!given.isEmpty()) {
            return List.copyOf(given);
        }
        if (config.ingest().sources().isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "no source to ingest: name a folder, a file or an s3://bucket/prefix URI, or set ingest.sources");
        }
        return config.ingest().sources();
    }

    /**
     * Ingests the sources (those given, else {@code ingest.sources}), then reacts to the new data.
     *
     * @param skipUnchanged when the sources hold exactly the deliveries of the last successful ingest, and nothing was ingested
     *                      since, do nothing more (a scheduled ingest finds nothing new most of the time)
     */
    public IngestRun ingest(List<String> given, Reaction reaction, boolean skipUnchanged, JobProgress progress) {
        List<String> sources = sources(given);
        JobProgress stoppable = stoppable(progress);
        IngestSummary summary;
        String fingerprint;
        int deliveryCount;
        try (ExportSources exportSources = new ExportSources(sourceSettings(config.ingest()))) {
            List<Delivery> deliveries = exportSources.resolve(sources, stoppable::note);
            fingerprint = fingerprint(sources, deliveries);
            deliveryCount = deliveries.size();
            if (skipUnchanged && unchanged(fingerprint)) {
                return new IngestRun(sources, fingerprint, deliveryCount, Optional.empty(), Optional.empty());
            }
            for (Delivery delivery : deliveries) {
                if (!delivery.ignoredFiles().isEmpty()) {
                    stoppable.note("note: %s: %d file(s) not in the delivery's manifest were ignored: %s".formatted(delivery.origin(), delivery.ignoredFiles().size(),
                            String.join(", ", delivery.ignoredFiles())));
                }
            }
            List<List<ExportFile>> batches = deliveries.stream().map(Delivery::files).toList();
            stoppable.note("ingesting %d file(s) in %d deliver%s into %s".formatted(batches.stream().mapToInt(List::size).sum(), batches.size(),
                    batches.size() == 1 ? "y" : "ies", store.settings().path()));
            summary = new CurIngestor(store, allocator, clock).ingest(batches, String.join(" ", sources), stoppable);
        }
        Optional<AfterIngestReport> after = reaction == Reaction.NONE ? Optional.empty() : Optional.of(afterIngest(reaction, stoppable));
        return new IngestRun(sources, fingerprint, deliveryCount, Optional.of(summary), after);
    }

    /** What the run says in the job log: for an ingest, its fingerprint and the ingestion it left the store at. */
    public JobRunner.Done describe(IngestRun run) {
        Optional<Long> ingestion = run.ingested().map(IngestSummary::ingestionId).or(log::latestIngestionId);
        return new JobRunner.Done(run.summary(), Optional.of(run.fingerprint()), ingestion);
    }

    /** Reacts to new data in the store, as after an ingest. */
    public AfterIngestReport afterIngest(Reaction reaction, JobProgress progress) {
        JobProgress stoppable = stoppable(progress);
        boolean send = switch (reaction) {
            case ALERT -> true;
            case QUIET, NONE -> false;
        };
        FieldParser fields = new FieldParser(allocator.policy().dimensions().stream().map(AllocationDimension::name).toList());
        AnomalyService anomalies = send ? AnomalyService.create(store, config.anomalies(), config.alerts(), fields, clock)
                : new AnomalyService(store, config.anomalies(), fields, Optional.empty(), clock);
        // Alerts whose every attempt failed earlier get another chance before the new ones.
        DispatchReport retried = anomalies.flush(Frequency.IMMEDIATE);
        DetectionRun detection = anomalies.detect(Optional.empty(), Optional.empty(), stoppable::note);
        stoppable.note("anomalies: %d new, %d updated, %d alerted".formatted(detection.created(), detection.updated(), detection.alerted()));
        FinanceSettings finance = FinanceSettings.of(config);
        BudgetService budgets = new BudgetService(new StoreAccess(store, allocator, clock), finance.rates());
        Dispatcher budgetDispatcher = send ? BudgetAlerts.dispatcher(finance.budgets(), config.alerts(), store, clock) : BudgetAlerts.loggedOnly(store, clock);
        List<BudgetAlerts.Raised> raised = new BudgetAlerts(budgets, budgetDispatcher, finance.budgets().policyDirectory(), clock).check(Optional.empty());
        return new AfterIngestReport(retried, detection, raised, send && !config.alerts().channels().isEmpty());
    }

    /** Sends what waits in the outbox for the frequency: a daily or weekly digest, one message per channel, grouped by owner. */
    public DispatchReport digest(Frequency frequency) {
        if (config.alerts().channels().isEmpty()) {
            return DispatchReport.empty();
        }
        return ConfiguredAlerts.dispatcher(config.alerts(), List.of(), new DuckDbAlertLog(store), clock).flush(frequency);
    }

    /** Asks the running job to stop at its next step; later work is refused. */
    public void stop() {
        stopping = true;
    }

    public static SourceSettings sourceSettings(IngestConfig ingest) {
        return new SourceSettings(ingest.s3().region(), ingest.s3().endpoint(), ingest.s3().pathStyle(), ingest.downloadDirectory());
    }

    private boolean unchanged(String fingerprint) {
        return log.lastSucceeded(Job.INGEST.label())
                .filter(run -> run.sourcesFingerprint().equals(Optional.of(fingerprint)))
                .filter(run -> run.ingestionId().isPresent() && run.ingestionId().equals(log.latestIngestionId()))
                .isPresent();
    }

    /** A digest of what the sources hold: each delivery's manifest and time, each file's origin and size. */
    static String fingerprint(List<String> sources, List<Delivery> deliveries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> lines = new ArrayList<>(sources);
            for (Delivery delivery : deliveries) {
                lines.add("delivery " + delivery.origin() + " " + delivery.manifest().orElse("-") + " " + delivery.deliveredAt());
                for (ExportFile file : delivery.files()) {
                    lines.add("file " + file.origin() + " " + Files.size(file.path()));
                }
            }
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot read the size of a file to ingest: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // Every step of a job asks first whether Spendlens is stopping: a cut-short ingest rolls back.
    private JobProgress stoppable(JobProgress progress) {
        return new JobProgress() {
            @Override
            public void note(String line) {
                check();
                progress.note(line);
            }

            @Override
            public void stepDone(String step, Duration took) {
                check();
                progress.stepDone(step, took);
            }

            @Override
            public void filesRead(int filesDone, int fileCount, List<String> origins, long rows, long bedrockRows, Duration took) {
                check();
                progress.filesRead(filesDone, fileCount, origins, rows, bedrockRows, took);
            }

            @Override
            public void periodReplaced(PeriodSummary period) {
                check();
                progress.periodReplaced(period);
            }
        };
    }

    private void check() {
        if (stopping) {
            throw new SpendlensException(ErrorCode.STORE_UNAVAILABLE, "Spendlens is stopping: the job was cut short (an ingest cut short leaves the store as it was)");
        }
    }
}
