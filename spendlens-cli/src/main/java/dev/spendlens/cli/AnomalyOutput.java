package dev.spendlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.anomalies.AnomalyJson;
import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.detection.Contribution;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** How anomalies are shown on the command line: a table, one anomaly with its root cause, or JSON. */
final class AnomalyOutput {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnomalyOutput() {}

    static void table(PrintStream out, List<CostAnomaly> anomalies, String currency) {
        if (anomalies.isEmpty()) {
            out.println("No anomalies.");
            return;
        }
        out.printf("%-15s %-11s %-12s %-7s %-16s %-16s %12s %12s %12s %7s  %s%n", "ID", "MONITOR", "KIND", "GRAIN", "START", "END", "EXPECTED", "ACTUAL",
                "IMPACT", "SCORE", "SERIES (OWNER)");
        for (CostAnomaly anomaly : anomalies) {
            out.printf(Locale.ROOT, "%-15s %-11s %-12s %-7s %-16s %-16s %12s %12s %12s %7.1f  %s%s%s%s%n", anomaly.id(), truncate(anomaly.monitor(), 11),
                    anomaly.kind(), anomaly.granularity().name().toLowerCase(Locale.ROOT), anomaly.start().toString().replace('T', ' '),
                    anomaly.ongoing() ? "ongoing" : anomaly.end().toString().replace('T', ' '), Numbers.money(anomaly.expected()), Numbers.money(anomaly.actual()),
                    Numbers.money(anomaly.impact()), anomaly.score(), anomaly.seriesKey(), anomaly.owner().map(owner -> " (" + owner + ")").orElse(""),
                    anomaly.feedback().map(feedback -> " [" + feedback + "]").orElse(""), anomaly.suppressed().map(reason -> " [suppressed]").orElse(""));
        }
        out.printf("%d anomalies, amounts in %s. Details and root cause: ./spendlens anomalies show ID%n", anomalies.size(), currency);
    }

    static void details(PrintStream out, CostAnomaly anomaly, String currency, int causes) {
        out.printf("%s  %s on %s (monitor %s, %s)%n", anomaly.id(), anomaly.kind(), anomaly.seriesKey(), anomaly.monitor(),
                anomaly.granularity().name().toLowerCase(Locale.ROOT));
        out.printf("  period    %s to %s%s%n", anomaly.start(), anomaly.end(), anomaly.ongoing() ? " (ongoing)" : "");
        out.printf("  expected  %s %s, actual %s %s, impact %s %s%s%n", Numbers.money(anomaly.expected()), currency, Numbers.money(anomaly.actual()), currency,
                Numbers.money(anomaly.impact()), currency, anomaly.impactPercent().map(percent -> " (+" + percent.toPlainString() + "%)").orElse(" (new spend)"));
        out.printf(Locale.ROOT, "  score     %.1f: %s%n", anomaly.score(), anomaly.scoreMeaning());
        anomaly.owner().ifPresent(owner -> out.printf("  owner     %s%n", owner));
        anomaly.feedback().ifPresent(feedback -> out.printf("  feedback  %s%s%n", feedback, anomaly.feedbackNote().map(note -> ": " + note).orElse("")));
        anomaly.suppressed().ifPresent(reason -> out.printf("  quiet     %s%n", reason));
        out.printf("  why       %s%n", anomaly.explanation());
        out.println("  root cause (principal x model x token type x account; changes sum to the impact):");
        List<Contribution> shown = anomaly.rootCause().subList(0, Math.min(causes, anomaly.rootCause().size()));
        for (Contribution cause : shown) {
            out.printf("    %13s  %s  %s  %s  %s%n", signed(cause.change()), cause.principal(), cause.model(), cause.tokenType(), cause.account());
        }
        if (anomaly.rootCause().size() > shown.size()) {
            BigDecimal rest = anomaly.rootCause().subList(shown.size(), anomaly.rootCause().size()).stream().map(Contribution::change).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            out.printf("    %13s  (%d other cells)%n", signed(rest), anomaly.rootCause().size() - shown.size());
        }
    }

    static String signed(BigDecimal amount) {
        return (amount.signum() >= 0 ? "+" : "") + Numbers.money(amount);
    }

    static ObjectNode json(CostAnomaly anomaly, String currency) {
        return AnomalyJson.write(anomaly, currency);
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "writing JSON failed: " + e.getMessage(), e);
        }
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
