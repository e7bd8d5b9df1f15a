package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budget alerts subscribe to the alert channels by name; names the channels do not define are refused where they are written. */
class BudgetsConfigTest {
    @TempDir
    Path folder;

    @Test
    void defaultsSendEachBudgetToItsOwnerAndNowhereElse() {
        BudgetsConfig defaults = BudgetsConfig.defaults();

        assertThat(defaults.channels()).isEmpty();
        assertThat(defaults.toOwner()).isTrue();
        assertThat(defaults.policyDirectory()).isEqualTo(Path.of("spendlens-data", "deny-policies"));
    }

    @Test
    void readsChannelsThatTheAlertsSectionDefines() throws IOException {
        Path file = write("""
                alerts:
                  channels:
                    - {name: finance-mail, type: email, recipients: [cfo@acme.example]}
                    - {name: ops, url: "https://ops.example/hook"}
                  smtp: {host: smtp.acme.example}
                budgets:
                  channels: [finance-mail, ops]
                  to-owner: false
                """);

        BudgetsConfig budgets = ConfigLoader.load(Optional.of(file), Map.of()).budgets();

        assertThat(budgets.channels()).containsExactly("finance-mail", "ops");
        assertThat(budgets.toOwner()).isFalse();
    }

    @Test
    void refusesAnUnknownChannelNamingTheLineAndTheDefinedOnes() throws IOException {
        Path file = write("""
                alerts:
                  channels:
                    - {name: ops, url: "https://ops.example/hook"}
                budgets:
                  channels: [ops, finance]
                """);

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining(file + " line 5")
                .hasMessageContaining("budgets.channels names channel 'finance', which alerts.channels does not define (defined: ops)");
    }

    @Test
    void refusesAChannelNamedTwice() {
        assertThatThrownBy(() -> new BudgetsConfig(List.of("ops", "ops"), true, Path.of("p")))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("budgets.channels names twice 'ops'");
    }

    @Test
    void theProgrammaticConfigurationIsCheckedToo() {
        BudgetsConfig budgets = new BudgetsConfig(List.of("finance"), true, Path.of("p"));

        assertThatThrownBy(() -> new SpendlensConfig(StoreConfig.defaults(), IngestConfig.defaults(), AllocationConfig.defaults(), ServerConfig.defaults(),
                PrivacyConfig.defaults(), CurrencyConfig.defaults(), ChargebackConfig.defaults(), budgets, AlertsConfig.defaults(), AnomaliesConfig.defaults()))
                .hasMessageContaining("budgets.channels names channel 'finance'");
    }

    private Path write(String text) throws IOException {
        Path file = folder.resolve("spendlens.yaml");
        Files.writeString(file, text);
        return file;
    }
}
