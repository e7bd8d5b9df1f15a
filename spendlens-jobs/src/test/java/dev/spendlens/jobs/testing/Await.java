package dev.spendlens.jobs.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a job does on its own thread, failing with what was awaited once the patience runs out. */
public final class Await {
    private Await() {}

    public static void until(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited %d s in vain for: %s".formatted(patience.toSeconds(), what));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
