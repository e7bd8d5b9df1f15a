package dev.spendlens.alerts;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.Duration;

/**
 * How often, and how patiently, a failing channel is tried again: exponential backoff.
 *
 * @param attempts tries per notification, at least 1 (default 4)
 * @param firstDelay the wait after the first failure (default 2 s)
 * @param multiplier how much longer each following wait is (default 3)
 * @param maxDelay the longest wait (default 1 min)
 */
public record RetryPolicy(int attempts, Duration firstDelay, double multiplier, Duration maxDelay) {
    public RetryPolicy {
        requireNonNull(firstDelay, "firstDelay is null");
        requireNonNull(maxDelay, "maxDelay is null");
        if (attempts < 1 || multiplier < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG,
                    "retry policy needs attempts >= 1, multiplier >= 1 and 0 <= first delay <= max delay; got %d, %s, %s, %s".formatted(attempts, multiplier, firstDelay, maxDelay));
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(2), 3, Duration.ofMinutes(1));
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double millis = firstDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration);

        Sleeper REAL = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "interrupted while waiting to retry a channel", e);
            }
        };
    }
}
