package dev.spendlens.alerts;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.AlertField;
import dev.spendlens.alert.Severity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds test alerts. */
final class Alerts {
    static final Instant NOW = Instant.parse("2026-09-14T08:00:00Z");

    private Alerts() {}

    static Alert anomaly(String key, String owner, String amount) {
        return anomaly(key, Optional.of(owner), amount, Severity.WARNING);
    }

    static Alert anomaly(String key, Optional<String> owner, String amount, Severity severity) {
        return new Alert(key, "anomaly", "daily-principals", "Bedrock spend up on " + key, severity,
                "Spend was %s USD above the expected 40.00 USD.".formatted(amount),
                List.of(new AlertField("Expected", "40.00 USD"), new AlertField("Impact", amount + " USD")), owner, new BigDecimal(amount),
                Optional.of(new BigDecimal("150")), "USD", Optional.of("http://127.0.0.1:8080/anomalies/" + key), NOW);
    }
}
