package dev.spendlens.alerts;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.NotificationKind;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.List;

/**
 * What one channel is sent at once: one new or grown alert, or a digest of several.
 *
 * @param kind new, update or digest
 * @param frequency the subscription frequency that produced it
 * @param alerts the alerts, one unless a digest; a digest's are grouped by owner
 */
public record Notification(NotificationKind kind, Frequency frequency, List<Alert> alerts) {
    public Notification {
        requireNonNull(kind, "kind is null");
        requireNonNull(frequency, "frequency is null");
        alerts = List.copyOf(requireNonNull(alerts, "alerts is null"));
        if (alerts.isEmpty() || (kind != NotificationKind.DIGEST && alerts.size() != 1)) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "a %s notification carries %d alerts".formatted(kind, alerts.size()));
        }
    }

    /** The subject line: the alert's title, marked as an update, or the digest's count. */
    public String subject() {
        return switch (kind) {
            case NEW -> alerts.get(0).title();
            case UPDATE -> "Update: " + alerts.get(0).title();
            case DIGEST -> "%s digest: %d alert%s".formatted(frequency == Frequency.WEEKLY ? "Weekly" : "Daily", alerts.size(), alerts.size() == 1 ? "" : "s");
        };
    }

    public List<String> alertKeys() {
        return alerts.stream().map(Alert::key).toList();
    }
}
