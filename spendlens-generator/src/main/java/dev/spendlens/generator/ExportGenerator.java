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
        List<Path> dataFiles = new ArrayList<>();
        List<Path> manifests = new ArrayList<>();
        Optional<LabelsWriter.Restatement> restatement = Optional.empty();
        long lineItems = 0;
        try (CurDataWriter writer = new CurDataWriter()) {
            writer.load(organisation, calendar, options.granularity(), meters.meters(), resources.all(), arns, tagSets, plan.workloads(),
                    plan.rows(), specialLines);
            for (int period = 0; period < calendar.periods().size(); period++) {
                boolean isRestated = restated.isPresent() && restated.get() == period;
                Instant finalDelivery = isRestated ? delivery(calendar.periods().get(period), 15, 9, noise, period)
                        : delivery(calendar.periods().get(period), 2, 6, noise, period);
                long periodStarted = System.nanoTime();
                PeriodFiles written = writePeriod(writer, options, calendar, perDay, period, exportRoot, false);
                ManifestWriter.write(manifest(exportRoot, options.exportName(), calendar.periods().get(period)), new ManifestWriter.Delivery(
                        options.exportName(), exportArn, uuid(noise, period, 1).toString(), finalDelivery, calendar.periods().get(period),
                        written.names(), options.granularity(), options.format()));
                dataFiles.addAll(written.files());
                manifests.add(manifest(exportRoot, options.exportName(), calendar.periods().get(period)));
                lineItems += written.rows();
                double seconds = (System.nanoTime() - periodStarted) / 1e9;
                progress.accept("%s: %,d line items in %d file(s), %.1f s (%,.0f rows/s)".formatted(calendar.periods().get(period), written.rows(),
                        written.files().size(), seconds, written.rows() / Math.max(seconds, 1e-3)));
                if (isRestated) {
                    Instant earlierDelivery = delivery(calendar.periods().get(period), 2, 5, noise, period + 100);
                    PeriodFiles earlier = writePeriod(writer, options, calendar, perDay, period, earlierRoot, true);
                    Path earlierManifest = manifest(earlierRoot, options.exportName(), calendar.periods().get(period));
                    ManifestWriter.write(earlierManifest, new ManifestWriter.Delivery(options.exportName(), exportArn,
                            uuid(noise, period, 2).toString(), earlierDelivery, calendar.periods().get(period), earlier.names(),
                            options.granularity(), options.format()));
                    progress.accept("%s: earlier delivery of the restated period, %,d line items".formatted(calendar.periods().get(period),
                            earlier.rows()));
                    restatement = Optional.of(new LabelsWriter.Restatement(calendar.periods().get(period), earlierDelivery,
                            relative(out, earlierManifest), finalDelivery, relative(out, manifest(exportRoot, options.exportName(),
                            calendar.periods().get(period)))));
                }
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

    private record PeriodFiles(List<Path> files, List<String> names, long rows) {}

    // A period's days, cut into files of at most maxRowsPerFile planned lines (whole days); the monthly lines go into the first.
    private PeriodFiles writePeriod(CurDataWriter writer, GeneratorOptions options, ExportCalendar calendar, long[] perDay, int period,
            Path root, boolean earlier) {
        YearMonth month = calendar.periods().get(period);
        Path folder = root.resolve("data").resolve("BILLING_PERIOD=" + month);
        createDirectories(folder);
        int firstDay = calendar.firstDayOf(period);
        int lastDay = calendar.lastDayOf(period);
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long rows = 0;
        int chunkStart = firstDay;
        while (chunkStart <= lastDay) {
            int chunkEnd = chunkStart;
            long chunkRows = perDay[chunkStart];
            while (chunkEnd < lastDay && chunkRows + perDay[chunkEnd + 1] <= maxRowsPerFile) {
                chunkEnd++;
                chunkRows += perDay[chunkEnd];
            }
            String name = "%s-%05d%s".formatted(options.exportName(), files.size() + 1, options.format().fileSuffix());
            Path file = folder.resolve(name);
            Noise invoices = new Noise(options.seed());
            CurDataWriter.FileRequest request = new CurDataWriter.FileRequest(chunkStart, chunkEnd, files.isEmpty() ? period : -1,
                    month.atDay(1).atStartOfDay(), month.plusMonths(1).atDay(1).atStartOfDay(), invoiceId(invoices, period, 1),
                    invoiceId(invoices, period, 2), earlier, lastDay - 1);
            rows += writer.write(file, options.format(), options.seed(), request);
            files.add(file);
            names.add(name);
            chunkStart = chunkEnd + 1;
        }
        return new PeriodFiles(files, names, rows);
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
