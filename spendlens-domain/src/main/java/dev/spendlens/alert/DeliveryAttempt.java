package dev.spendlens.alert;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt to deliver one notification to one channel, kept for ever in the delivery log.
 *
 * @param channel the channel's name
 * @param kind new, update or digest
 * @param frequency the subscription frequency that produced it
 * @param alertKeys the alerts it carried
 * @param attempt 1 for the first try, counting up across retries
 * @param attemptedAt when
 * @param outcome what happened
 * @param error the channel's complaint, when it failed
 */
public record DeliveryAttempt(String channel, NotificationKind kind, Frequency frequency, List<String> alertKeys, int attempt, Instant attemptedAt,
        DeliveryOutcome outcome, Optional<String> error) {
    public DeliveryAttempt {
        requireNonNull(channel, "channel is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(frequency, "frequency is null");
        alertKeys = List.copyOf(requireNonNull(alertKeys, "alertKeys is null"));
        requireNonNull(attemptedAt, "attemptedAt is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(error, "error is null");
    }
}
