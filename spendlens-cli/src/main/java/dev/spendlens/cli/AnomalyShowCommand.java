package dev.spendlens.cli;

import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.duckdb.query.CostQueryEngine;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./spendlens anomalies show ID}: one anomaly, its explanation and its root cause. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one anomaly with its baseline, score, owner and root cause.")
final class AnomalyShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(paramLabel = "ID", description = "The anomaly's id (an-...).")
    String id;

    @Option(names = "--causes", defaultValue = "10", description = "Root-cause lines to show (default ${DEFAULT-VALUE}); the rest are summed.")
    int causes;

    @Option(names = "--format", defaultValue = "table", description = "table (text for people) or json (default ${DEFAULT-VALUE}).")
    ListFormat format;

    AnomalyShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CostAnomaly anomaly = AnomaliesCommand.service(context, store).find(id);
        String currency = new CostQueryEngine(context.store(store), context.clock()).currency();
        if (format == ListFormat.json) {
            context.out().println(AnomalyOutput.write(AnomalyOutput.json(anomaly, currency)));
        } else {
            AnomalyOutput.details(context.out(), anomaly, currency, causes);
        }
        return 0;
    }
}
