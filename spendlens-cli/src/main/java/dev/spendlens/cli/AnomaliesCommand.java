package dev.spendlens.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code ./spendlens anomalies}: cost anomalies per principal, team and model. */
@Command(name = "anomalies", mixinStandardHelpOptions = true, subcommands = {EvaluateCommand.class},
        description = "Cost anomalies per principal, person, team, model and account, with their root causes.")
final class AnomaliesCommand implements Callable<Integer> {
    private final CliContext context;

    AnomaliesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return 0;
    }
}
