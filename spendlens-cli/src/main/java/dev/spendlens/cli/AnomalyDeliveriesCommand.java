package dev.spendlens.cli;

import dev.spendlens.alert.DeliveryAttempt;
import dev.spendlens.duckdb.alert.DuckDbAlertLog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens anomalies deliveries}: the delivery log of alerts. */
@Command(name = "deliveries", mixinStandardHelpOptions = true, description = "Every attempt to deliver an alert: when, where, what, and what happened.")
final class AnomalyDeliveriesCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--days", defaultValue = "7", description = "How many days back (default ${DEFAULT-VALUE}).")
    int days;

    AnomalyDeliveriesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Instant since = context.clock().instant().minus(days, ChronoUnit.DAYS);
        for (DeliveryAttempt attempt : new DuckDbAlertLog(context.store(store)).attempts(since)) {
            context.out().printf("%s  %-16s %-7s %-9s try %d  %-9s %s%s%n", attempt.attemptedAt(), attempt.channel(), attempt.kind(), attempt.frequency(), attempt.attempt(),
                    attempt.outcome(), String.join(" ", attempt.alertKeys()), attempt.error().map(error -> "  (" + error + ")").orElse(""));
        }
        return 0;
    }
}
