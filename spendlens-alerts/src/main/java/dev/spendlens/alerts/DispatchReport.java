package dev.spendlens.alerts;

import dev.spendlens.alert.DeliveryAttempt;

import java.util.List;

/**
 * What one dispatch did.
 *
 * @param attempts every attempt made, in order
 * @param queued alerts put in a digest's outbox
 * @param unchanged alerts a channel already knew and that had not grown enough for an update
 */
public record DispatchReport(List<DeliveryAttempt> attempts, int queued, int unchanged) {
    public DispatchReport {
        attempts = List.copyOf(attempts);
    }

    public static DispatchReport empty() {
        return new DispatchReport(List.of(), 0, 0);
    }

    public DispatchReport plus(DispatchReport other) {
        List<DeliveryAttempt> all = new java.util.ArrayList<>(attempts);
        all.addAll(other.attempts);
        return new DispatchReport(all, queued + other.queued, unchanged + other.unchanged);
    }

    public long delivered() {
        return attempts.stream().filter(attempt -> attempt.outcome() == dev.spendlens.alert.DeliveryOutcome.DELIVERED).count();
    }

    /** Alerts that reached no channel (their owner has none, and there is no fallback): kept and logged, not sent. */
    public long unrouted() {
        return attempts.stream().filter(attempt -> attempt.outcome() == dev.spendlens.alert.DeliveryOutcome.UNROUTED).count();
    }

    public long deferred() {
        return attempts.stream().filter(attempt -> attempt.outcome() == dev.spendlens.alert.DeliveryOutcome.DEFERRED).count();
    }
}
