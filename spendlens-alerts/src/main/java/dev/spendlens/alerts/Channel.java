package dev.spendlens.alerts;

/** Somewhere notifications go: a webhook, a list of e-mail addresses. */
public interface Channel {
    /** The name routes refer to it by. */
    String name();

    /**
     * Delivers the notification or throws a {@link dev.spendlens.error.SpendlensException} saying why
     * it could not; the dispatcher retries.
     */
    void deliver(Notification notification);
}
