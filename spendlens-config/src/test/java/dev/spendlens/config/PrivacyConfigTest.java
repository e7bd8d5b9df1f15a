package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PrivacyConfigTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void pseudonymizingNeedsAKey() {
        assertThatThrownBy(() -> new PrivacyConfig(true, Optional.empty()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("SPENDLENS_PRIVACY_PSEUDONYM_KEY");
        assertThat(new PrivacyConfig(true, Optional.of(KEY)).pseudonymizePeople()).isTrue();
    }

    @Test
    void rejectsAShortKeyWithoutQuotingIt() {
        assertThatThrownBy(() -> new PrivacyConfig(false, Optional.of("tooshort-secret")))
                .hasMessageContaining("use at least 32")
                .hasMessageNotContaining("tooshort-secret");
    }

    @Test
    void neverShowsTheKey() {
        assertThat(new PrivacyConfig(true, Optional.of(KEY)).toString()).doesNotContain(KEY).contains("<redacted>");
        assertThat(SpendlensConfig.defaults().toString()).contains("pseudonymKey=<none>");
    }
}
