package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every SMTP setting is checked here, once, for the file, the variables and the code that builds one. */
class SmtpConfigTest {
    private static SmtpConfig smtp(Optional<String> host, int port, Optional<String> user, Optional<String> password, String from, int timeout, int perMessage) {
        return new SmtpConfig(host, port, SmtpSecurity.STARTTLS, user, password, from, Optional.empty(), timeout, perMessage);
    }

    @Test
    void refusesEachImpossibleSettingSayingWhichKey() {
        Optional<String> host = Optional.of("smtp.acme.example");
        assertInvalid(() -> smtp(Optional.of(" "), 587, Optional.empty(), Optional.empty(), "a@b", 30, 50), "alerts.smtp.host is blank");
        assertInvalid(() -> smtp(host, 0, Optional.empty(), Optional.empty(), "a@b", 30, 50), "alerts.smtp.port 0 must be from 1 to 65535");
        assertInvalid(() -> smtp(host, 587, Optional.of("bot"), Optional.empty(), "a@b", 30, 50), "alerts.smtp.username and alerts.smtp.password go together");
        assertInvalid(() -> smtp(host, 587, Optional.empty(), Optional.empty(), " ", 30, 50), "alerts.smtp.from is empty");
        assertInvalid(() -> smtp(host, 587, Optional.empty(), Optional.empty(), "a@b", 0, 50), "alerts.smtp.timeout-seconds must be at least 1");
        assertInvalid(() -> smtp(host, 587, Optional.empty(), Optional.empty(), "a@b", 30, 0), "alerts.smtp.recipients-per-message must be at least 1");
        assertInvalid(() -> SmtpSecurity.parse("ssl"), "alerts.smtp.security must be none, starttls or tls, not 'ssl'");
    }

    @Test
    void neverShowsThePassword() {
        SmtpConfig smtp = smtp(Optional.of("smtp.acme.example"), 465, Optional.of("bot"), Optional.of("hunter2"), "a@b", 10, 50);

        assertThat(smtp.toString()).contains("smtp.acme.example:465").contains("bot").doesNotContain("hunter2");
        assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    private static void assertInvalid(Runnable build, String message) {
        assertThatThrownBy(build::run)
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining(message);
    }
}
