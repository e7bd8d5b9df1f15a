package dev.spendlens.alerts;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.AlertField;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The plain-text body of a notification, for e-mail and for chat fallbacks. */
final class NotificationText {
    static final String NO_OWNER = "(no owner)";

    private NotificationText() {}

    static String body(Notification notification) {
        StringBuilder text = new StringBuilder();
        switch (notification.kind()) {
            case NEW, UPDATE -> alert(text, notification.alerts().get(0));
            case DIGEST -> byOwner(notification.alerts()).forEach((owner, alerts) -> {
                text.append("== ").append(owner).append(" (").append(alerts.size()).append(")\n\n");
                alerts.forEach(alert -> {
                    text.append("* ").append(alert.title()).append('\n');
                    alert(text, alert);
                });
            });
        }
        return text.toString();
    }

    private static void alert(StringBuilder text, Alert alert) {
        text.append(alert.summary()).append("\n\n");
        for (AlertField field : alert.fields()) {
            text.append(field.name()).append(": ").append(field.value()).append('\n');
        }
        text.append("Severity: ").append(alert.severity()).append('\n');
        alert.link().ifPresent(link -> text.append(link).append('\n'));
        text.append('\n');
    }

    /** Owners in name order (no owner last), each owner's alerts biggest first. */
    static Map<String, List<Alert>> byOwner(List<Alert> alerts) {
        Map<String, List<Alert>> grouped = new TreeMap<>((left, right) -> {
            if (left.equals(right)) {
                return 0;
            }
            return left.equals(NO_OWNER) ? 1 : right.equals(NO_OWNER) ? -1 : left.compareTo(right);
        });
        grouped.putAll(alerts.stream().collect(Collectors.groupingBy(alert -> alert.owner().orElse(NO_OWNER))));
        grouped.replaceAll((owner, list) -> list.stream()
                .sorted((left, right) -> right.amount().compareTo(left.amount()) != 0 ? right.amount().compareTo(left.amount()) : left.key().compareTo(right.key()))
                .toList());
        return grouped;
    }

    static String amount(Alert alert) {
        return alert.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + alert.currency();
    }
}
