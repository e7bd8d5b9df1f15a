package dev.spendlens.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where alerts, their outbox and every delivery attempt are kept, so that nothing is lost between
 * runs and every delivery can be shown. The store implements it; alert delivery only uses it.
 */
public interface AlertLog {
    /** Keeps the alert's latest revision under its key. */
    void save(Alert alert);

    Optional<Alert> alert(String key);

    Optional<SentAlert> lastSent(String channel, String alertKey);

    void markSent(SentAlert sent);

    /** Queues the alert for the channel unless it already waits there with the same frequency. */
    void enqueue(OutboxEntry entry);

    /** What waits for the channels with the frequency, oldest first. */
    List<OutboxEntry> outbox(Frequency frequency);

    /** Takes the entries out of the outbox. */
    void dequeue(List<OutboxEntry> entries, Instant at);

    void record(DeliveryAttempt attempt);

    /** Delivery attempts from {@code since}, oldest first. */
    List<DeliveryAttempt> attempts(Instant since);
}
