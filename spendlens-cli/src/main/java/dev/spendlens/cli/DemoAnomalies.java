package dev.spendlens.cli;

import dev.spendlens.anomalies.DetectionRun;
import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.Contribution;
import dev.spendlens.detection.LabelledAnomaly;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The demo's anomaly step: shows, for each injected anomaly, what the monitors' run after the ingest found and why. */
final class DemoAnomalies {
    private static final int CAUSES = 2;

    private DemoAnomalies() {}

    static void print(CliContext context, StoreOptions store, DetectionRun run, Path labels) {
        PrintStream out = context.out();
        GroundTruth truth = GroundTruth.read(labels);
        String currency = new dev.spendlens.duckdb.query.CostQueryEngine(context.store(store), context.clock()).currency();
        for (LabelledAnomaly label : truth.anomalies()) {
            Optional<CostAnomaly> found = run.anomalies().stream()
                    .filter(anomaly -> anomaly.monitor().equals("principals") && truth.identity(anomaly.seriesKey()).equals(label.identity()))
                    .filter(anomaly -> !anomaly.start().toLocalDate().isAfter(label.end()) && anomaly.end().toLocalDate().isAfter(label.start()))
                    .min(Comparator.comparing((CostAnomaly anomaly) -> anomaly.granularity() == Granularity.DAILY ? 0 : 1)
                            .thenComparing(anomaly -> Math.abs(java.time.temporal.ChronoUnit.DAYS.between(label.start(), anomaly.start().toLocalDate()))));
            out.printf("   %s %-13s from %s: ", label.id(), label.kind(), label.start());
            if (found.isEmpty()) {
                out.println("not found by the principals monitor");
                continue;
            }
            CostAnomaly anomaly = found.get();
            out.printf("found %s %s on %s%s%n", anomaly.id(), anomaly.kind(), dev.spendlens.anomalies.AnomalyAlerts.shortKey(anomaly.seriesKey()),
                    anomaly.owner().map(owner -> " (team " + owner + ")").orElse(""));
            out.printf("      %s to %s: expected %s, actual %s, impact %s %s, score %.1f%n", anomaly.start().toLocalDate(),
                    anomaly.ongoing() ? "now" : anomaly.end().toLocalDate().toString(), Numbers.money(anomaly.expected()), Numbers.money(anomaly.actual()),
                    AnomalyOutput.signed(anomaly.impact()), currency, anomaly.score());
            List<Contribution> causes = anomaly.rootCause();
            for (int index = 0; index < Math.min(CAUSES, causes.size()); index++) {
                Contribution cause = causes.get(index);
                out.printf("      cause: %s %s %s in %s%n", AnomalyOutput.signed(cause.change()), cause.model(), cause.tokenType(), cause.account());
            }
        }
        long others = run.anomalies().size();
        out.printf("   The monitors (principals, people, teams, models, accounts; daily and hourly) keep %d anomalies in all: ./spendlens anomalies%n", others);
    }
}
