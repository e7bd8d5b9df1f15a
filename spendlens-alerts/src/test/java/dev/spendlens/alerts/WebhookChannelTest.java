package dev.spendlens.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.NotificationKind;
import dev.spendlens.error.SpendlensException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebhookChannelTest {
    @Test
    void postsASlackBlockKitMessageWithTitleSummaryAndFields() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookChannel channel = new WebhookChannel("slack-ml", receiver.url(), WebhookFormat.SLACK, Map.of(), Duration.ofSeconds(5));
            channel.deliver(new Notification(NotificationKind.NEW, Frequency.IMMEDIATE, List.of(Alerts.anomaly("a1", "ml-platform", "120.50"))));

            JsonNode body = receiver.bodies().get(0);
            assertThat(body.get("text").asText()).isEqualTo("Bedrock spend up on a1");
            assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("header");
            assertThat(body.get("blocks").get(1).get("text").get("text").asText()).contains("120.50 USD above the expected 40.00 USD");
            assertThat(body.get("blocks").get(2).get("fields").get(1).get("text").asText()).isEqualTo("*Impact*\n120.50 USD");
        }
    }

    @Test
    void postsTheGenericPayloadWithEveryAlertFieldAndTheConfiguredHeaders() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookChannel channel = new WebhookChannel("ops", receiver.url(), WebhookFormat.GENERIC, Map.of("Authorization", "Bearer t0ken"), Duration.ofSeconds(5));
            channel.deliver(new Notification(NotificationKind.UPDATE, Frequency.IMMEDIATE, List.of(Alerts.anomaly("a1", "ml-platform", "120.50"))));

            JsonNode body = receiver.bodies().get(0);
            assertThat(body.get("kind").asText()).isEqualTo("UPDATE");
            assertThat(body.get("subject").asText()).isEqualTo("Update: Bedrock spend up on a1");
            JsonNode alert = body.get("alerts").get(0);
            assertThat(alert.get("key").asText()).isEqualTo("a1");
            assertThat(alert.get("owner").asText()).isEqualTo("ml-platform");
            assertThat(alert.get("amount").decimalValue()).isEqualByComparingTo("120.50");
            assertThat(alert.get("fields").get(0).get("name").asText()).isEqualTo("Expected");
            assertThat(receiver.authorizations()).containsExactly("Bearer t0ken");
        }
    }

    @Test
    void refusalNamesTheStatusButNotTheSecretPath() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.failNext(503);
            WebhookChannel channel = new WebhookChannel("ops", receiver.url(), WebhookFormat.GENERIC, Map.of(), Duration.ofSeconds(5));
            assertThatThrownBy(() -> channel.deliver(new Notification(NotificationKind.NEW, Frequency.IMMEDIATE, List.of(Alerts.anomaly("a1", "x", "1")))))
                    .isInstanceOf(SpendlensException.class)
                    .hasMessageContaining("HTTP 503")
                    .hasMessageNotContaining("secret");
        }
    }
}
