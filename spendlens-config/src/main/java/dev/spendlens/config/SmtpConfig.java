package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;
import java.util.Optional;

/**
 * The SMTP server e-mail channels send through (section {@code alerts.smtp}).
 *
 * @param host the server ({@code alerts.smtp.host}, default empty: e-mail channels cannot send)
 * @param port its port ({@code alerts.smtp.port}, default 587)
 * @param security {@code none}, {@code starttls} or {@code tls} ({@code alerts.smtp.security}, default starttls)
 * @param username the login ({@code alerts.smtp.username}, default empty: no login)
 * @param password its password ({@code alerts.smtp.password}; better set by {@code SPENDLENS_ALERTS_SMTP_PASSWORD})
 * @param from the sender address ({@code alerts.smtp.from}, default {@code spendlens@localhost})
 * @param trustedHosts hosts trusted without a CA chain, for self-signed relays ({@code alerts.smtp.trusted-hosts}, default empty)
 * @param timeoutSeconds connect and read timeout ({@code alerts.smtp.timeout-seconds}, default 30)
 * @param recipientsPerMessage recipients per message; longer lists become several messages ({@code alerts.smtp.recipients-per-message}, default 50)
 */
public record SmtpConfig(Optional<String> host, int port, String security, Optional<String> username, Optional<String> password, String from,
        Optional<String> trustedHosts, int timeoutSeconds, int recipientsPerMessage) {
    public SmtpConfig {
        requireNonNull(host, "host is null");
        requireNonNull(security, "security is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(from, "from is null");
        requireNonNull(trustedHosts, "trustedHosts is null");
        if (!security.equals("none") && !security.equals("starttls") && !security.equals("tls")) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "alerts.smtp.security must be none, starttls or tls, not '%s'".formatted(security));
        }
        if (username.isPresent() != password.isPresent()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "alerts.smtp.username and alerts.smtp.password go together: set both or neither");
        }
    }

    public static SmtpConfig defaults() {
        return new SmtpConfig(Optional.empty(), 587, "starttls", Optional.empty(), Optional.empty(), "spendlens@localhost", Optional.empty(), 30, 50);
    }

    static SmtpConfig read(ConfigSection section) {
        SmtpConfig defaults = defaults();
        Optional<String> host = section.optionalText("host");
        int port = section.integer("port", defaults.port(), 1, 65_535);
        String security = section.text("security", defaults.security()).strip().toLowerCase(Locale.ROOT);
        Optional<String> username = section.optionalText("username");
        Optional<String> password = section.optionalText("password");
        String from = section.text("from", defaults.from()).strip();
        Optional<String> trusted = section.optionalText("trusted-hosts");
        int timeout = section.integer("timeout-seconds", defaults.timeoutSeconds(), 1, 3_600);
        int perMessage = section.integer("recipients-per-message", defaults.recipientsPerMessage(), 1, 10_000);
        return section.construct(() -> new SmtpConfig(host, port, security, username, password, from, trusted, timeout, perMessage));
    }

    @Override
    public String toString() {
        return "SmtpConfig[%s:%d %s]".formatted(host.orElse("(none)"), port, security);
    }
}
