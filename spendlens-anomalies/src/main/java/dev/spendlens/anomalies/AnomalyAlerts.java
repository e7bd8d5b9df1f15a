package dev.spendlens.anomalies;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.AlertField;
import dev.spendlens.alert.Severity;
import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.detection.Contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a cost anomaly into an alert for the dispatcher: one alert per anomaly id, updated as the anomaly grows. */
public final class AnomalyAlerts {
    /** The alert source routes select anomaly alerts by. */
    public static final String SOURCE = "anomaly";
    private static final int CAUSES_SHOWN = 3;

    private AnomalyAlerts() {}

    public static Alert alert(CostAnomaly anomaly, String currency, Instant now) {
        BigDecimal impact = anomaly.impact();
        String percent = anomaly.impactPercent().map(value -> " (+" + value.toPlainString() + "%)").orElse(" (new spend)");
        String title = "Bedrock spend anomaly on %s: +%s%s".formatted(shortKey(anomaly.seriesKey()), money(impact, currency), percent);
        String summary = "%s from %s%s (monitor %s): expected %s, spent %s. %s".formatted(kindWords(anomaly), anomaly.start(),
                anomaly.ongoing() ? ", still going on" : " to " + anomaly.end(), anomaly.monitor(), money(anomaly.expected(), currency),
                money(anomaly.actual(), currency), anomaly.explanation());
        List<AlertField> fields = new ArrayList<>();
        fields.add(new AlertField("Series", anomaly.seriesKey()));
        fields.add(new AlertField("Period", anomaly.start() + " to " + (anomaly.ongoing() ? "now (ongoing)" : anomaly.end().toString())));
        fields.add(new AlertField("Expected", money(anomaly.expected(), currency)));
        fields.add(new AlertField("Actual", money(anomaly.actual(), currency)));
        fields.add(new AlertField("Impact", money(impact, currency) + percent));
        fields.add(new AlertField("Score", String.format(Locale.ROOT, "%.1f: %s", anomaly.score(), anomaly.scoreMeaning())));
        anomaly.owner().ifPresent(owner -> fields.add(new AlertField("Owner", owner)));
        List<Contribution> causes = anomaly.rootCause();
        for (int index = 0; index < Math.min(CAUSES_SHOWN, causes.size()); index++) {
            Contribution cause = causes.get(index);
            fields.add(new AlertField("Cause " + (index + 1), "%s %s %s in %s: %s".formatted(cause.principal(), cause.model(), cause.tokenType(), cause.account(),
                    signed(cause.change(), currency))));
        }
        fields.add(new AlertField("Anomaly", anomaly.id() + "  (feedback: ./spendlens anomalies feedback " + anomaly.id() + " yes|no|planned)"));
        return new Alert(key(anomaly), SOURCE, anomaly.monitor(), title, severity(anomaly), summary, fields, anomaly.owner(), impact,
                anomaly.impactPercent(), currency, java.util.Optional.empty(), now);
    }

    /**
     * One alert per anomaly: the hourly and the daily view of the same rise (same monitor, series
     * and first day) share a key, so the second is an update when it is bigger, never a repeat.
     */
    public static String key(CostAnomaly anomaly) {
        return "anomaly:%s:%s:%s".formatted(anomaly.monitor(), anomaly.seriesKey(), anomaly.start().toLocalDate());
    }

    /** Critical when spend at least tripled or a new series spends heavily; a warning otherwise. */
    static Severity severity(CostAnomaly anomaly) {
        boolean tripled = anomaly.impactPercent().map(percent -> percent.compareTo(BigDecimal.valueOf(200)) >= 0).orElse(true);
        return tripled && anomaly.score() >= 8 ? Severity.CRITICAL : Severity.WARNING;
    }

    static String kindWords(CostAnomaly anomaly) {
        return switch (anomaly.kind()) {
            case SPIKE -> "Spike";
            case LEVEL_SHIFT -> "Level shift";
            case DRIFT -> "Slow drift";
            case NEW_SERIES -> "New spender";
            case RUNAWAY -> "Runaway (growing hour over hour)";
        };
    }

    static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    static String signed(BigDecimal amount, String currency) {
        return (amount.signum() >= 0 ? "+" : "") + money(amount, currency);
    }

    // ARNs are long: the part after the last '/' names the caller well enough for a title.
    public static String shortKey(String key) {
        int slash = key.lastIndexOf('/');
        return key.startsWith("arn:") && slash > 0 ? key.substring(slash + 1) : key;
    }
}
