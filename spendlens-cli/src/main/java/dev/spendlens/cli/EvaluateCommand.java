package dev.spendlens.cli;

import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.AnomalyDetector;
import dev.spendlens.detection.DetectionScore;
import dev.spendlens.detection.DetectionSettings;
import dev.spendlens.detection.Detector;
import dev.spendlens.detection.HolidayCalendar;
import dev.spendlens.detection.ReferenceDetector;
import dev.spendlens.detection.SeriesAnomaly;
import dev.spendlens.detection.TimeSeries;
import dev.spendlens.duckdb.query.SeriesQuery;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GenerationSummary;
import dev.spendlens.generator.GeneratorOptions;
import dev.spendlens.jobs.Jobs;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./spendlens anomalies evaluate}: generates organisations, ingests them, and scores
 * Spendlens's detector and the two reference detectors on every principal's daily series against
 * the injected anomalies of {@code labels.json}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Benchmark the anomaly detector against two reference detectors on generated organisations with known anomalies.",
                "Prints precision, recall, F1 and detection delay per seed and their mean."})
final class EvaluateCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3,4,5", description = "Seeds of the organisations (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--months", defaultValue = "6", description = "Months per organisation (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--principals", defaultValue = "60", description = "Principals per organisation (default ${DEFAULT-VALUE}).")
    int principals;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "spendlens-data/anomaly-benchmark", description = "Where exports and stores are written (default ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--hourly", description = {"Generate hourly exports and let Spendlens's detector watch the hourly series too (as its monitors do where",
            "the export is hourly); the reference detectors, daily by definition, still get the daily series."})
    boolean hourly;

    @Option(names = "--list", description = "Also list every anomaly Spendlens's detector flags, marked true or false.")
    boolean list;

    EvaluateCommand(CliContext context) {
        this.context = context;
    }

    /** One detector's score on one seed, strict and with unlabelled new principals. */
    record Row(long seed, String detector, DetectionScore strict, DetectionScore withOnsets, int spikes, int spikesOnFirstDay) {}

    @Override
    public Integer call() throws Exception {
        PrintStream out = context.out();
        List<Row> rows = new ArrayList<>();
        for (long seed : seeds) {
            Path folder = work.resolve("seed-" + seed + (hourly ? "-hourly" : ""));
            Path store = folder.resolve("store.duckdb");
            GroundTruth truth;
            if (!Files.exists(folder.resolve("export/labels.json")) || !Files.exists(store)) {
                GeneratorOptions options = GeneratorOptions.defaults(folder.resolve("export")).withSeed(seed).withMonths(months).withPrincipals(principals)
                        .withGranularity(hourly ? ExportGranularity.HOURLY : ExportGranularity.DAILY);
                context.err().printf("seed %d: generating %d months, %d principals%n", seed, months, principals);
                GenerationSummary generated = new ExportGenerator().generate(options, line -> { });
                context.err().printf("seed %d: %,d line items; ingesting%n", seed, generated.lineItems());
                try (CliContext seedContext = new CliContext(out, context.err(), context.environment())) {
                    StoreOptions options1 = new StoreOptions();
                    options1.database = store;
                    IngestCommand.ingest(seedContext, options1, List.of(folder.resolve("export").toString()), Jobs.Reaction.NONE, false);
                }
            }
            truth = GroundTruth.read(folder.resolve("export/labels.json"));
            List<TimeSeries> series;
            List<TimeSeries> hourlySeries = List.of();
            try (CliContext seedContext = new CliContext(out, context.err(), context.environment())) {
                StoreOptions options = new StoreOptions();
                options.database = store;
                SeriesQuery query = new SeriesQuery(seedContext.store(options));
                LocalDate[] span = query.span().orElseThrow();
                series = query.series(span[0], span[1].plusDays(1), Granularity.DAILY, Optional.of(new Field.Builtin(Dimension.PRINCIPAL)),
                        Optional.of(new Field.Builtin(Dimension.ROLE)), Optional.empty());
                if (hourly) {
                    hourlySeries = query.series(span[0], span[1].plusDays(1), Granularity.HOURLY, Optional.of(new Field.Builtin(Dimension.PRINCIPAL)),
                            Optional.of(new Field.Builtin(Dimension.ROLE)), Optional.empty());
                }
            }
            for (Detector detector : detectors()) {
                List<SeriesAnomaly> found = hourly && detector instanceof AnomalyDetector ? union(detector.detect(series), detector.detect(hourlySeries))
                        : detector.detect(series);
                DetectionScore strict = DetectionScore.of(found, truth.anomalies(), truth::identity);
                DetectionScore onsets = DetectionScore.of(found, truth.anomaliesAndOnsets(), truth::identity);
                List<dev.spendlens.detection.LabelledAnomaly> spikes = truth.anomalies().stream().filter(label -> label.kind().equals("spike")).toList();
                int spikesOnFirstDay = (int) spikes.stream().filter(label -> DetectionScore.of(found, List.of(label), truth::identity).foundOnFirstDay() == 1).count();
                rows.add(new Row(seed, detector.name(), strict, onsets, spikes.size(), spikesOnFirstDay));
                if (list && detector instanceof AnomalyDetector) {
                    for (SeriesAnomaly anomaly : found) {
                        boolean hit = !DetectionScore.of(List.of(anomaly), truth.anomalies(), truth::identity).missed().equals(truth.anomalies().stream()
                                .map(label -> label.id() + " " + label.kind()).toList());
                        out.printf(Locale.ROOT, "  %s %-11s %s..%s exp %9.2f act %9.2f score %6.1f %s%n", hit ? "TRUE " : "false", anomaly.kind(),
                                anomaly.start().toLocalDate(), anomaly.end().toLocalDate(), anomaly.expected(), anomaly.actual(), anomaly.score(), anomaly.key());
                    }
                }
                out.printf(Locale.ROOT, "seed %d  %-38s %4d series  P %.2f  R %.2f  F1 %.2f  delay %.1f d  first-day %d/%d  | with onsets F1 %.2f  missed %s%n", seed,
                        detector.name(), series.size(), strict.precision(), strict.recall(), strict.f1(), strict.meanDelayDays(), strict.foundOnFirstDay(), strict.found(),
                        onsets.f1(), strict.missed());
            }
        }
        out.println();
        out.println(markdown(rows));
        return 0;
    }

    /** Daily and hourly anomalies as one list: an hourly one overlapping a daily one of the same series is the same anomaly, starting at the earlier start. */
    static List<SeriesAnomaly> union(List<SeriesAnomaly> daily, List<SeriesAnomaly> hourlyFound) {
        List<SeriesAnomaly> merged = new ArrayList<>(daily);
        for (SeriesAnomaly hour : hourlyFound) {
            boolean same = false;
            for (int index = 0; index < merged.size(); index++) {
                SeriesAnomaly day = merged.get(index);
                if (day.key().equals(hour.key()) && hour.start().isBefore(day.end()) && day.start().isBefore(hour.end())) {
                    same = true;
                    if (hour.start().isBefore(day.start())) {
                        merged.set(index, new SeriesAnomaly(day.key(), day.kind(), day.startIndex(), day.endIndex(), hour.start(), day.end(), day.ongoing(),
                                day.expected(), day.actual(), day.score(), day.explanation()));
                    }
                    break;
                }
            }
            if (!same) {
                merged.add(hour);
            }
        }
        return merged;
    }

    static List<Detector> detectors() {
        DetectionSettings settings = DetectionSettings.defaults();
        return List.of(new AnomalyDetector(settings, HolidayCalendar.none()),
                new ReferenceDetector(ReferenceDetector.Method.ROBUST_Z_SCORE, settings.minimumImpact()),
                new ReferenceDetector(ReferenceDetector.Method.SEASONAL_NAIVE, settings.minimumImpact()));
    }

    static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| seed | detector | detections | precision | recall | F1 | mean delay (days) | found on first day | spikes found on their first day | F1 with unlabelled onsets |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, double[]> means = new LinkedHashMap<>();
        for (Row row : rows) {
            DetectionScore score = row.strict();
            table.append(String.format(Locale.ROOT, "| %d | %s | %d | %.2f | %.2f | %.2f | %.1f | %d of %d | %d of %d | %.2f |%n", row.seed(), row.detector(),
                    score.detections(), score.precision(), score.recall(), score.f1(), score.meanDelayDays(), score.foundOnFirstDay(), score.found(),
                    row.spikesOnFirstDay(), row.spikes(), row.withOnsets().f1()));
            double[] sum = means.computeIfAbsent(row.detector(), name -> new double[8]);
            sum[6] += row.spikesOnFirstDay();
            sum[7] += row.spikes();
            sum[0] += score.precision();
            sum[1] += score.recall();
            sum[2] += score.f1();
            sum[3] += Double.isNaN(score.meanDelayDays()) ? 0 : score.meanDelayDays();
            sum[4] += row.withOnsets().f1();
            sum[5]++;
        }
        means.forEach((detector, sum) -> table.append(String.format(Locale.ROOT, "| mean | %s | | %.2f | %.2f | **%.2f** | %.1f | | %.0f of %.0f | %.2f |%n", detector,
                sum[0] / sum[5], sum[1] / sum[5], sum[2] / sum[5], sum[3] / sum[5], sum[6], sum[7], sum[4] / sum[5])));
        return table.toString();
    }
}
