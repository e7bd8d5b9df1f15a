package dev.spendlens.alert;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An alert waiting for a channel: in a digest not yet sent, or an immediate notification whose
 * attempts all failed and which the next flush tries again.
 *
 * @param channel the channel
 * @param frequency the digest it waits for, or {@link Frequency#IMMEDIATE} for a retry
 * @param alertKey the alert; its latest revision is what is sent
 * @param queuedAt when it was queued
 */
public record OutboxEntry(String channel, Frequency frequency, String alertKey, Instant queuedAt) {
    public OutboxEntry {
        requireNonNull(channel, "channel is null");
        requireNonNull(frequency, "frequency is null");
        requireNonNull(alertKey, "alertKey is null");
        requireNonNull(queuedAt, "queuedAt is null");
    }
}
