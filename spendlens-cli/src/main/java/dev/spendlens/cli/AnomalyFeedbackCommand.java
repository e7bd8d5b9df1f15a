package dev.spendlens.cli;

import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.anomaly.Feedback;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./spendlens anomalies feedback ID yes|no|planned}: what a person says about an anomaly. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = {"Say whether an anomaly was real (yes), not one (no) or planned activity (planned).",
                "Planned activity keeps new anomalies of the same series quiet for anomalies.planned-suppression-days."})
final class AnomalyFeedbackCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "ID", description = "The anomaly's id (an-...).")
    String id;

    @Parameters(index = "1", paramLabel = "yes|no|planned", description = "The answer.")
    String answer;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the record.")
    String note;

    AnomalyFeedbackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CostAnomaly anomaly = AnomaliesCommand.service(context, store).feedback(id, Feedback.parse(answer), Optional.ofNullable(note).filter(text -> !text.isBlank()));
        context.out().printf("%s on %s: %s%n", anomaly.id(), anomaly.seriesKey(), anomaly.feedback().orElseThrow());
        return 0;
    }
}
