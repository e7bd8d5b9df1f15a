package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.Duration;
import java.util.Optional;

/**
 * The SMTP server e-mail channels send through (section {@code alerts.smtp}). Every check of an SMTP
 * setting is here; e-mail channels take this record as it is.
 *
 * @param host the server ({@code alerts.smtp.host}, default empty: e-mail channels cannot send)
 * @param port its port, 1 to 65535 ({@code alerts.smtp.port}, default 587)
 * @param security none, STARTTLS (required, never opportunistic) or TLS ({@code alerts.smtp.security}, default starttls)
 * @param username the login ({@code alerts.smtp.username}, default empty: no login)
 * @param password its password ({@code alerts.smtp.password}; better set by {@code SPENDLENS_ALERTS_SMTP_PASSWORD})
 * @param from the sender address ({@code alerts.smtp.from}, default {@code spendlens@localhost})
 * @param trustedHosts hosts trusted without a CA chain ({@code mail.smtp.ssl.trust}), for self-signed relays ({@code alerts.smtp.trusted-hosts}, default empty)
 * @param timeoutSeconds connect, read and write timeout ({@code alerts.smtp.timeout-seconds}, default 30)
 * @param recipientsPerMessage recipients per message; longer lists become several messages, so there is no limit on recipients
 *                             ({@code alerts.smtp.recipients-per-message}, default 50)
 */
public record SmtpConfig(Optional<String> host, int port, SmtpSecurity security, Optional<String> username, Optional<String> password, String from,
        Optional<String> trustedHosts, int timeoutSeconds, int recipientsPerMessage) {
    public SmtpConfig {
        requireNonNull(host, "host is null");
        requireNonNull(security, "security is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(from, "from is null");
        requireNonNull(trustedHosts, "trustedHosts is null");
        if (host.filter(String::isBlank).isPresent()) {
            throw invalid("alerts.smtp.host is blank: set a host name or leave it empty");
        }
        if (port < 1 || port > 65_535) {
            throw invalid("alerts.smtp.port %d must be from 1 to 65535".formatted(port));
        }
        if (from.isBlank()) {
            throw invalid("alerts.smtp.from is empty: set the sender address");
        }
        if (username.isPresent() != password.isPresent()) {
            throw invalid("alerts.smtp.username and alerts.smtp.password go together: set both or neither");
        }
        if (timeoutSeconds < 1) {
            throw invalid("alerts.smtp.timeout-seconds must be at least 1, was " + timeoutSeconds);
        }
        if (recipientsPerMessage < 1) {
            throw invalid("alerts.smtp.recipients-per-message must be at least 1, was " + recipientsPerMessage);
        }
    }

    public static SmtpConfig defaults() {
        return new SmtpConfig(Optional.empty(), 587, SmtpSecurity.STARTTLS, Optional.empty(), Optional.empty(), "spendlens@localhost", Optional.empty(), 30, 50);
    }

    /** The timeout as a duration. */
    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    static SmtpConfig read(ConfigSection section) {
        SmtpConfig defaults = defaults();
        Optional<String> host = section.optionalText("host");
        int port = section.integer("port", defaults.port(), 1, 65_535);
        SmtpSecurity security = section.parsed("security", defaults.security(), SmtpSecurity::parse);
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
        // The password never reaches a log or an error message.
        return "SmtpConfig[%s:%d %s%s]".formatted(host.orElse("(none)"), port, security, username.map(user -> " as " + user).orElse(""));
    }

    private static SpendlensException invalid(String message) {
        return new SpendlensException(ErrorCode.INVALID_CONFIG, message);
    }
}
