package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.Threshold;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomaliesConfigTest {
    @TempDir
    Path folder;

    @Test
    void defaultsWatchPrincipalsPeopleTeamsModelsAndAccountsAndTellEachOwner() {
        AnomaliesConfig defaults = AnomaliesConfig.defaults();
        assertThat(defaults.monitors()).extracting(MonitorConfig::name).containsExactly("principals", "people", "teams", "models", "accounts");
        assertThat(defaults.subscriptions()).containsExactly(SubscriptionConfig.owners());
        assertThat(defaults.lookbackDays()).isEqualTo(400);
        assertThat(AlertsConfig.defaults().channels()).isEmpty();
        assertThat(AlertsConfig.defaults().smtp().port()).isEqualTo(587);
    }

    @Test
    void readsEveryKeyOfAlertsAndAnomalies() throws IOException {
        Path file = folder.resolve("spendlens.yaml");
        Files.writeString(file, """
                alerts:
                  channels:
                    - {name: ml-slack, url: "https://hooks.slack.com/services/T/B/x"}
                    - {name: ops, type: webhook, url: "https://ops.example/hook", format: generic, headers: {Authorization: Bearer t}}
                    - {name: finance, type: email, recipients: [cfo@acme.example, fin@acme.example]}
                  smtp:
                    host: smtp.acme.example
                    port: 465
                    security: tls
                    username: bot
                    password: pw
                    from: spendlens@acme.example
                    trusted-hosts: smtp.acme.example
                    timeout-seconds: 10
                    recipients-per-message: 25
                  owners:
                    ml-platform: ml-slack
                    finance-ai: "finance, ops"
                  fallback-channels: [ops]
                  retry-attempts: 5
                  retry-first-delay-seconds: 1
                  retry-max-delay-seconds: 30
                  update-growth-percent: 50
                anomalies:
                  monitors:
                    - {name: callers, dimension: PRINCIPAL, hourly: false}
                    - {name: prod, filter: '{"Dimensions": {"Key": "LINKED_ACCOUNT", "Values": ["111122223333"]}}'}
                  subscriptions:
                    - name: big
                      monitors: [prod]
                      threshold-absolute: 100
                      threshold-percent: 40
                      threshold-combination: AND
                      frequency: DAILY
                      channels: [finance]
                      to-owner: false
                  holidays: [2026-12-25, 2027-01-01]
                  lookback-days: 90
                  alert-window-days: 1
                  planned-suppression-days: 14
                  owner-dimension: cost-center
                  minimum-score: 5.5
                  minimum-impact: 2.5
                  minimum-rise-percent: 50
                  new-series-percentile: 75
                """);

        SpendlensConfig config = ConfigLoader.load(Optional.of(file), Map.of());

        AlertsConfig alerts = config.alerts();
        assertThat(alerts.channels()).extracting(AlertChannelConfig::name, AlertChannelConfig::type, AlertChannelConfig::format)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ml-slack", "webhook", "slack"), org.assertj.core.groups.Tuple.tuple("ops", "webhook", "generic"),
                        org.assertj.core.groups.Tuple.tuple("finance", "email", "generic"));
        assertThat(alerts.channels().get(1).headers()).containsEntry("Authorization", "Bearer t");
        assertThat(alerts.channels().get(2).recipients()).containsExactly("cfo@acme.example", "fin@acme.example");
        assertThat(alerts.smtp()).isEqualTo(new SmtpConfig(Optional.of("smtp.acme.example"), 465, SmtpSecurity.TLS, Optional.of("bot"), Optional.of("pw"),
                "spendlens@acme.example", Optional.of("smtp.acme.example"), 10, 25));
        assertThat(alerts.owners()).containsEntry("ml-platform", List.of("ml-slack")).containsEntry("finance-ai", List.of("finance", "ops"));
        assertThat(alerts.fallbackChannels()).containsExactly("ops");
        assertThat(List.of(alerts.retryAttempts(), alerts.retryFirstDelaySeconds(), alerts.retryMaxDelaySeconds(), alerts.updateGrowthPercent()))
                .containsExactly(5, 1, 30, 50);

        AnomaliesConfig anomalies = config.anomalies();
        assertThat(anomalies.monitors()).containsExactly(new MonitorConfig("callers", Optional.of("PRINCIPAL"), Optional.empty(), false),
                new MonitorConfig("prod", Optional.empty(), Optional.of("{\"Dimensions\": {\"Key\": \"LINKED_ACCOUNT\", \"Values\": [\"111122223333\"]}}"), true));
        assertThat(anomalies.subscriptions()).containsExactly(new SubscriptionConfig("big", List.of("prod"),
                new Threshold(Optional.of(new BigDecimal("100")), Optional.of(new BigDecimal("40")), Threshold.Combination.AND), Frequency.DAILY, List.of("finance"), false));
        assertThat(anomalies.holidays()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
        assertThat(anomalies).isEqualTo(new AnomaliesConfig(anomalies.monitors(), anomalies.subscriptions(), anomalies.holidays(), 90, 1, 14, "cost-center", 5.5, 2.5,
                50, 75));
        assertThat(alerts.channels().get(0).url()).contains(URI.create("https://hooks.slack.com/services/T/B/x"));
    }

    @Test
    void refusesASubscriptionToAnUnknownChannelOrMonitor() throws IOException {
        Path file = folder.resolve("spendlens.yaml");
        Files.writeString(file, """
                anomalies:
                  subscriptions:
                    - {name: s, channels: [nowhere]}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of())).hasMessageContaining("channel 'nowhere'");
        Files.writeString(file, """
                anomalies:
                  subscriptions:
                    - {name: s, monitors: [ghost]}
                """);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of())).hasMessageContaining("monitor 'ghost'");
    }

    @Test
    void takesChannelsAndMonitorsFromVariables() {
        SpendlensConfig config = ConfigLoader.load(Optional.empty(), Map.of("SPENDLENS_ALERTS_CHANNELS", "ml=https://hooks.slack.com/x,ops=https://ops.example/h",
                "SPENDLENS_ANOMALIES_MONITORS", "callers:PRINCIPAL,teams:team"));
        assertThat(config.alerts().channels()).extracting(AlertChannelConfig::name).containsExactly("ml", "ops");
        assertThat(config.anomalies().monitors()).extracting(MonitorConfig::name).containsExactly("callers", "teams");
    }
}
