package dev.spendlens.cli;

import dev.spendlens.alert.DeliveryAttempt;
import dev.spendlens.anomalies.AnomalyService;
import dev.spendlens.anomalies.DetectionRun;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.CostQueryEngine;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens anomalies detect}: runs every monitor, keeps the anomalies and alerts the owners of recent ones. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run the anomaly monitors over the store (daily, and hourly where the export is hourly), keep what they find,",
                "and send recent anomalies to their owners' channels (alerts.owners) and the subscriptions' channels."})
final class AnomalyDetectCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--to", paramLabel = "DATE", description = "Look at the days before this one (exclusive; default: up to the last day in the store).")
    String to;

    @Option(names = "--monitor", paramLabel = "NAME", description = "Run only this monitor.")
    String monitor;

    AnomalyDetectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AnomalyService service = AnomaliesCommand.service(context, store);
        Optional<java.time.LocalDate> end = Optional.ofNullable(to).map(text -> TimePeriod.parse("1970-01-01", text, "--from", "--to").end());
        DetectionRun run = service.detect(end, Optional.ofNullable(monitor), line -> context.err().println("  " + line));
        String currency = new CostQueryEngine(context.store(store), context.clock()).currency();
        context.out().printf("Looked at %s to %s (end exclusive): %,d series, %d anomalies (%d recent enough to alert).%n%n", run.from(), run.to(), run.series(),
                run.anomalies().size(), run.alerted());
        AnomalyOutput.table(context.out(), run.anomalies(), currency);
        if (service.dispatcher().isEmpty()) {
            context.out().println("No alert channel is configured (alerts.channels): anomalies are kept and listed, not sent.");
        } else {
            context.out().printf("Alerts: %d delivered, %d deferred to the outbox, %d queued for digests, %d unchanged.%n", run.dispatch().delivered(),
                    run.dispatch().deferred(), run.dispatch().queued(), run.dispatch().unchanged());
            for (DeliveryAttempt attempt : run.dispatch().attempts()) {
                if (attempt.error().isPresent()) {
                    context.err().printf("  %s attempt %d %s: %s%n", attempt.channel(), attempt.attempt(), attempt.outcome(), attempt.error().get());
                }
            }
        }
        return 0;
    }
}
