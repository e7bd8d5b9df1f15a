package dev.spendlens.cli;

import dev.spendlens.alert.Frequency;
import dev.spendlens.alerts.DispatchReport;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens anomalies notify --digest daily}: sends the waiting digests, or retries deferred alerts. */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {"Send what waits in the alert outbox: the daily or weekly digests, or (immediate) alerts whose every attempt failed.",
                "Run it from cron: daily at the hour digests should arrive, weekly on the day they should."})
final class AnomalyNotifyCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--digest", paramLabel = "immediate|daily|weekly", defaultValue = "immediate", description = "Which outbox to send (default ${DEFAULT-VALUE}: retries).")
    String digest;

    AnomalyNotifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DispatchReport report = AnomaliesCommand.service(context, store).flush(Frequency.parse(digest));
        context.out().printf("%d delivered, %d deferred (kept in the outbox)%n", report.delivered(), report.deferred());
        return report.deferred() > 0 ? SpendlensCli.EXIT_EXTERNAL_ERROR : 0;
    }
}
