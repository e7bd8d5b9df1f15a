package dev.spendlens.alert;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a channel was last told about an alert, to decide whether a new revision is worth an update.
 *
 * @param channel the channel
 * @param alertKey the alert
 * @param amount its amount when last sent
 * @param severity its severity when last sent
 * @param sentAt when
 */
public record SentAlert(String channel, String alertKey, BigDecimal amount, Severity severity, Instant sentAt) {
    public SentAlert {
        requireNonNull(channel, "channel is null");
        requireNonNull(alertKey, "alertKey is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(sentAt, "sentAt is null");
    }
}
