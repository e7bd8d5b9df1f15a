package dev.spendlens.alert;

/** Whether a notification announces a new alert, an alert that grew, or a digest of several. */
public enum NotificationKind {
    NEW,
    UPDATE,
    DIGEST
}
