package dev.spendlens.alerts;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.Duration;
import java.util.Optional;

/**
 * An SMTP server to send through.
 *
 * @param host the server
 * @param port its port (25, 587 for STARTTLS, 465 for TLS)
 * @param security none, STARTTLS (required, not opportunistic) or TLS
 * @param username the login, when the server needs one
 * @param password its password
 * @param from the sender address
 * @param trustedHosts hosts whose certificate is trusted without a CA chain ({@code mail.smtp.ssl.trust}), for self-signed relays; empty trusts the JVM's CAs only
 * @param timeout connect, read and write timeout
 * @param recipientsPerMessage how many recipients one message carries; longer lists are sent as several messages, so there is no limit on recipients
 */
public record SmtpSettings(String host, int port, SmtpSecurity security, Optional<String> username, Optional<String> password, String from,
        Optional<String> trustedHosts, Duration timeout, int recipientsPerMessage) {
    public SmtpSettings {
        requireNonNull(host, "host is null");
        requireNonNull(security, "security is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(from, "from is null");
        requireNonNull(trustedHosts, "trustedHosts is null");
        requireNonNull(timeout, "timeout is null");
        if (host.isBlank() || from.isBlank()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "an SMTP server needs a host and a from address");
        }
        if (port < 1 || port > 65_535) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "SMTP port %d must be from 1 to 65535".formatted(port));
        }
        if (recipientsPerMessage < 1) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "recipients per message must be at least 1, was " + recipientsPerMessage);
        }
        if (username.isPresent() != password.isPresent()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "SMTP username and password go together: set both or neither");
        }
    }

    @Override
    public String toString() {
        // The password never reaches a log or an error message.
        return "SmtpSettings[%s:%d %s%s]".formatted(host, port, security, username.map(user -> " as " + user).orElse(""));
    }
}
