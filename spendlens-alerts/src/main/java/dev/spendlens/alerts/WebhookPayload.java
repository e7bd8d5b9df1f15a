package dev.spendlens.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.AlertField;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The JSON bodies of webhook notifications in both formats. */
public final class WebhookPayload {
    static final ObjectMapper JSON = new ObjectMapper();
    // Slack refuses a section with more than 10 fields and a message with more than 50 blocks.
    private static final int SLACK_FIELDS_PER_SECTION = 10;
    private static final int SLACK_MAX_BLOCKS = 50;

    private WebhookPayload() {}

    public static String render(WebhookFormat format, Notification notification) {
        ObjectNode body = switch (format) {
            case SLACK -> slack(notification);
            case GENERIC -> generic(notification);
        };
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "writing a webhook payload failed: " + e.getMessage(), e);
        }
    }

    /** {@code {"kind", "frequency", "subject", "alerts": [{key, source, scope, title, severity, summary, owner, amount, percent, currency, link, observedAt, fields}]}}. */
    static ObjectNode generic(Notification notification) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", notification.kind().name());
        root.put("frequency", notification.frequency().name());
        root.put("subject", notification.subject());
        ArrayNode alerts = root.putArray("alerts");
        for (Alert alert : notification.alerts()) {
            ObjectNode node = alerts.addObject();
            node.put("key", alert.key());
            node.put("source", alert.source());
            node.put("scope", alert.scope());
            node.put("title", alert.title());
            node.put("severity", alert.severity().name());
            node.put("summary", alert.summary());
            alert.owner().ifPresentOrElse(owner -> node.put("owner", owner), () -> node.putNull("owner"));
            node.put("amount", alert.amount());
            alert.percent().ifPresentOrElse(percent -> node.put("percent", percent), () -> node.putNull("percent"));
            node.put("currency", alert.currency());
            alert.link().ifPresentOrElse(link -> node.put("link", link), () -> node.putNull("link"));
            node.put("observedAt", alert.observedAt().toString());
            ArrayNode fields = node.putArray("fields");
            for (AlertField field : alert.fields()) {
                fields.addObject().put("name", field.name()).put("value", field.value());
            }
        }
        return root;
    }

    /** Slack Block Kit: a header, then per alert a section with its summary and one with its fields; {@code text} is the notification fallback. */
    static ObjectNode slack(Notification notification) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", notification.subject());
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", truncate(notification.subject(), 150));
        switch (notification.kind()) {
            case NEW, UPDATE -> slackAlert(blocks, notification.alerts().get(0), false);
            case DIGEST -> {
                for (Map.Entry<String, List<Alert>> owner : NotificationText.byOwner(notification.alerts()).entrySet()) {
                    if (blocks.size() >= SLACK_MAX_BLOCKS - 3) {
                        break;
                    }
                    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                            .put("text", "*%s* (%d)".formatted(escape(owner.getKey()), owner.getValue().size()));
                    for (Alert alert : owner.getValue()) {
                        if (blocks.size() >= SLACK_MAX_BLOCKS - 3) {
                            break;
                        }
                        slackAlert(blocks, alert, true);
                    }
                }
                int shown = countAlertBlocks(blocks);
                if (shown < notification.alerts().size()) {
                    blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                            .put("text", "%d more alert(s) in this digest: see the delivery log (`./spendlens anomalies`)".formatted(notification.alerts().size() - shown));
                }
            }
        }
        return root;
    }

    private static void slackAlert(ArrayNode blocks, Alert alert, boolean withTitle) {
        String text = (withTitle ? "*" + escape(alert.title()) + "*\n" : "") + escape(alert.summary());
        blocks.addObject().put("type", "section").put("block_id", "alert-" + Integer.toHexString(alert.key().hashCode()))
                .putObject("text").put("type", "mrkdwn").put("text", truncate(text, 3000));
        List<AlertField> fields = alert.fields();
        for (int from = 0; from < fields.size() && from < SLACK_FIELDS_PER_SECTION * 2; from += SLACK_FIELDS_PER_SECTION) {
            ArrayNode section = blocks.addObject().put("type", "section").putArray("fields");
            for (AlertField field : fields.subList(from, Math.min(fields.size(), from + SLACK_FIELDS_PER_SECTION))) {
                section.addObject().put("type", "mrkdwn").put("text", truncate("*%s*\n%s".formatted(escape(field.name()), escape(field.value())), 2000));
            }
        }
        alert.link().ifPresent(link -> blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn").put("text", "<" + link + ">"));
    }

    private static int countAlertBlocks(ArrayNode blocks) {
        int count = 0;
        for (int index = 0; index < blocks.size(); index++) {
            if (blocks.get(index).path("block_id").asText("").startsWith("alert-")) {
                count++;
            }
        }
        return count;
    }

    // Slack's mrkdwn treats <, > and & as control characters.
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
