package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Generates a synthetic CUR 2.0 export: data files and manifests in AWS's S3 layout under
 * {@code <out>/<exportName>/}, the earlier delivery of the restated period under
 * {@code <out>/earlier-delivery/<exportName>/}, and {@code <out>/labels.json}.
 * The same options always give byte-identical files.
 */
public final class ExportGenerator {
    /** AWS splits a period into several files past about this many rows. */
    static final long MAX_ROWS_PER_FILE = 5_000_000;
    static final String EARLIER_DELIVERY = "earlier-delivery";
    static final String LABELS_FILE = "labels.json";
    /** Files written at once, each by one DuckDB thread. */
    private static final int CONCURRENT_FILES = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private final long maxRowsPerFile;

    public ExportGenerator() {
        this(MAX_ROWS_PER_FILE);
    }

    /** With a smaller file size limit, so that tests can see periods split into several files. */
    ExportGenerator(long maxRowsPerFile) {
        this.maxRowsPerFile = maxRowsPerFile;
    }

    /** Generates the export the options describe, reporting progress lines to {@code progress}. */
    public GenerationSummary generate(GeneratorOptions options, Consumer<String> progress) {
        requireNonNull(options, "options is null");
        requireNonNull(progress, "progress is null");
        long started = System.nanoTime();
        ExportCalendar calendar = new ExportCalendar(options.periods(), options.principalDataFrom());
        Noise noise = new Noise(options.seed());

        Organisation organisation = OrganisationFactory.build(options.principals(), options.seed(), calendar);
        progress.accept("organisation: %d principals in %d accounts, %d teams".formatted(organisation.callers().size(),
                organisation.accounts().size(), organisation.teams().size()));

        MeterCatalog meters = new MeterCatalog();
        Resources resources = new Resources();
        Arns arns = new Arns();
        TagSets tagSets = new TagSets();
        WorkloadFactory factory = new WorkloadFactory(organisation, meters, resources, noise, calendar);
        List<Workload> base = factory.base();
        AnomalyInjector injector = new AnomalyInjector(calendar, options.granularity(), options.seed());
        UsagePlanner planner = new UsagePlanner(calendar, options.granularity(), noise, arns, tagSets, injector.adjustments());
        base = injector.inject(base, organisation, planner);
        UsagePlan plan = UsagePlan.build(base, factory, planner, options.targetRows(), SpecialLines.estimate(organisation, calendar), progress);
        Optional<Integer> restated = options.months() >= 2 ? Optional.of(options.months() - 2) : Optional.empty();
        List<SpecialLine> specialLines = SpecialLines.build(organisation, calendar, plan, meters, tagSets, resources, restated);
        progress.accept("plan: %,d series, %,d series-days, %,d line items expected".formatted(plan.workloads().size(), plan.planRows(),
                plan.lines() + specialLines.size()));

        Path out = options.out();
        Path exportRoot = out.resolve(options.exportName());
        Path earlierRoot = out.resolve(EARLIER_DELIVERY).resolve(options.exportName());
        clean(exportRoot);
        clean(earlierRoot);

        String exportArn = "arn:aws:bcm-data-exports:us-east-1:%s:export/%s-%s".formatted(organisation.payerAccountId(), options.exportName(),
                uuid(noise, 0, 0));
        long[] perDay = plan.linesPerDay(calendar.dayCount());
        List<Delivery> deliveries = new ArrayList<>();
        for (int period = 0; period < calendar.periods().size(); period++) {
            YearMonth month = calendar.periods().get(period);
            boolean isRestated = restated.isPresent() && restated.get() == period;
            Instant finalDelivery = isRestated ? delivery(month, 15, 9, noise, period) : delivery(month, 2, 6, noise, period);
            deliveries.add(new Delivery(month, exportRoot, finalDelivery, uuid(noise, period, 1), false,
                    files(options, calendar, perDay, period, exportRoot, false)));
            if (isRestated) {
                deliveries.add(new Delivery(month, earlierRoot, delivery(month, 2, 5, noise, period + 100), uuid(noise, period, 2), true,
                        files(options, calendar, perDay, period, earlierRoot, true)));
            }
        }

        List<Path> dataFiles = new ArrayList<>();
        List<Path> manifests = new ArrayList<>();
        long lineItems = 0;
        long written = 0;
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_FILES);
        try (CurDataWriter writer = new CurDataWriter()) {
            writer.load(organisation, calendar, options.granularity(), meters.meters(), resources.all(), arns, tagSets, plan.workloads(),
                    plan.rows(), specialLines);
            long writingStarted = System.nanoTime();
            // One file per core at a time, each written by one DuckDB thread; results are taken in order.
            List<List<Future<Long>>> pending = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                List<Future<Long>> futures = new ArrayList<>();
                for (DataFile file : delivery.files()) {
                    futures.add(pool.submit(() -> writer.write(file.path(), options.format(), options.seed(), file.request())));
                }
                pending.add(futures);
            }
            for (int index = 0; index < deliveries.size(); index++) {
                Delivery delivery = deliveries.get(index);
                long rows = 0;
                for (Future<Long> future : pending.get(index)) {
                    rows += await(future);
                }
                Path manifest = manifest(delivery.root(), options.exportName(), delivery.period());
                ManifestWriter.write(manifest, new ManifestWriter.Delivery(options.exportName(), exportArn, delivery.executionId().toString(),
                        delivery.timestamp(), delivery.period(), delivery.files().stream().map(file -> file.path().getFileName().toString()).toList(),
                        options.granularity(), options.format()));
                written += rows;
                double seconds = Math.max((System.nanoTime() - writingStarted) / 1e9, 1e-3);
                if (delivery.earlier()) {
                    progress.accept("%s: earlier delivery of the restated period, %,d line items".formatted(delivery.period(), rows));
                } else {
                    dataFiles.addAll(delivery.files().stream().map(DataFile::path).toList());
                    manifests.add(manifest);
                    lineItems += rows;
                    progress.accept("%s: %,d line items in %d file(s); %,d written in %.1f s (%,.0f rows/s)".formatted(delivery.period(), rows,
                            delivery.files().size(), written, seconds, written / seconds));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Optional<LabelsWriter.Restatement> restatement = Optional.empty();
        for (Delivery delivery : deliveries) {
            if (delivery.earlier()) {
                Delivery latest = deliveries.stream().filter(other -> !other.earlier() && other.period().equals(delivery.period())).findFirst()
                        .orElseThrow();
                restatement = Optional.of(new LabelsWriter.Restatement(delivery.period(), delivery.timestamp(),
                        relative(out, manifest(delivery.root(), options.exportName(), delivery.period())), latest.timestamp(),
                        relative(out, manifest(latest.root(), options.exportName(), latest.period()))));
            }
        }
        Path labels = out.resolve(LABELS_FILE);
        LabelsWriter.write(labels, options, calendar, organisation, plan, injector.anomalies(), restatement);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        progress.accept("done: %,d line items in %.1f s (%,.0f rows/s)".formatted(lineItems, elapsed.toMillis() / 1000.0,
                lineItems / Math.max(elapsed.toMillis() / 1000.0, 1e-3)));
        return new GenerationSummary(exportRoot, lineItems, plan.bedrockLines() + specialLines.size(), calendar.periods(), labels,
                restated.map(calendar.periods()::get), restated.map(ignored -> earlierRoot), dataFiles, manifests,
                organisation.callers().size(), injector.anomalies().size(), elapsed);
    }

    private record DataFile(Path path, CurDataWriter.FileRequest request) {}

    /** One delivery of a period: its files, where they go, and what its manifest says. */
    private record Delivery(YearMonth period, Path root, Instant timestamp, UUID executionId, boolean earlier, List<DataFile> files) {}

    // A period's days, cut into files of at most maxRowsPerFile planned lines (whole days); the monthly lines go into the first.
    private List<DataFile> files(GeneratorOptions options, ExportCalendar calendar, long[] perDay, int period, Path root, boolean earlier) {
        YearMonth month = calendar.periods().get(period);
        Path folder = root.resolve("data").resolve("BILLING_PERIOD=" + month);
        createDirectories(folder);
        int lastDay = calendar.lastDayOf(period);
        Noise invoices = new Noise(options.seed());
        List<DataFile> files = new ArrayList<>();
        int chunkStart = calendar.firstDayOf(period);
        while (chunkStart <= lastDay) {
            int chunkEnd = chunkStart;
            long chunkRows = perDay[chunkStart];
            while (chunkEnd < lastDay && chunkRows + perDay[chunkEnd + 1] <= maxRowsPerFile) {
                chunkEnd++;
                chunkRows += perDay[chunkEnd];
            }
            String name = "%s-%05d%s".formatted(options.exportName(), files.size() + 1, options.format().fileSuffix());
            CurDataWriter.FileRequest request = new CurDataWriter.FileRequest(chunkStart, chunkEnd, files.isEmpty() ? period : -1,
                    month.atDay(1).atStartOfDay(), month.plusMonths(1).atDay(1).atStartOfDay(), invoiceId(invoices, period, 1),
                    invoiceId(invoices, period, 2), earlier, lastDay - 1);
            files.add(new DataFile(folder.resolve(name), request));
            chunkStart = chunkEnd + 1;
        }
        return files;
    }

    private static long await(Future<Long> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "interrupted while writing data files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SpendlensException failure) {
                throw failure;
            }
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "writing a data file failed: " + e.getCause(), e.getCause());
        }
    }

    private static String invoiceId(Noise noise, int period, int entity) {
        return String.valueOf(1_000_000_000L + Long.remainderUnsigned(noise.hash(period, entity, 61, 0), 9_000_000_000L));
    }

    // Deliveries happen after the period closes, at a time of day that varies by a few hours.
    private static Instant delivery(YearMonth period, int dayOfNextMonth, int hour, Noise noise, int key) {
        long minutes = Long.remainderUnsigned(noise.hash(key, 81, 0, 0), 180);
        return period.plusMonths(1).atDay(dayOfNextMonth).atTime(hour, 0).toInstant(ZoneOffset.UTC).plusSeconds(minutes * 60 + 17);
    }

    private static Path manifest(Path root, String exportName, YearMonth period) {
        return root.resolve("metadata").resolve("BILLING_PERIOD=" + period).resolve(exportName + "-Manifest.json");
    }

    private static UUID uuid(Noise noise, long a, long b) {
        return new UUID(noise.hash(a, b, 91, 0), noise.hash(a, b, 92, 0));
    }

    private static String relative(Path out, Path file) {
        return out.relativize(file).toString().replace('\\', '/');
    }

    // Only what this generator writes under the export's own folder is removed, so reruns never mix deliveries.
    private static void clean(Path exportRoot) {
        for (String part : List.of("data", "metadata")) {
            Path folder = exportRoot.resolve(part);
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot clear %s: %s".formatted(folder, e.getMessage()), e);
            }
        }
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot create %s: %s".formatted(folder, e.getMessage()), e);
        }
    }
}
