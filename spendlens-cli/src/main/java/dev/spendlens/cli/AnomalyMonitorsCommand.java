package dev.spendlens.cli;

import dev.spendlens.anomaly.MonitorDefinition;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./spendlens anomalies monitors}: the monitors, from the configuration file and the API. */
@Command(name = "monitors", mixinStandardHelpOptions = true, description = "List the anomaly monitors (anomalies.monitors in the config, and those created through the API).")
final class AnomalyMonitorsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    AnomalyMonitorsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().printf("%-16s %-12s %-7s %-7s %s%n", "NAME", "TYPE", "HOURLY", "ORIGIN", "WATCHES");
        for (MonitorDefinition monitor : AnomaliesCommand.service(context, store).monitors()) {
            String watches = monitor.dimension().map(dimension -> "every " + dimension).orElse("total") + monitor.filterJson().map(filter -> " where " + filter).orElse("");
            context.out().printf("%-16s %-12s %-7s %-7s %s%n", monitor.name(), monitor.dimensional() ? "dimensional" : "custom", monitor.hourly(), monitor.origin(), watches);
        }
        return 0;
    }
}
