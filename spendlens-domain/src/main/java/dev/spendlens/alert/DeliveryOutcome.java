package dev.spendlens.alert;

/** What happened to one attempt to deliver a notification. */
public enum DeliveryOutcome {
    /** The channel accepted it. */
    DELIVERED,
    /** The channel refused or could not be reached; another attempt follows. */
    FAILED,
    /** Every attempt failed; the notification stays in the outbox and is tried again on the next flush. */
    DEFERRED,
    /** No channel was configured for the alert: it is kept, and shown, but went nowhere. */
    UNROUTED
}
