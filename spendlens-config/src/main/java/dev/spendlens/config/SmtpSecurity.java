package dev.spendlens.config;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;

/** How an SMTP connection is protected: not at all, upgraded with STARTTLS (port 587), or TLS from the start (SMTPS, port 465). */
public enum SmtpSecurity {
    NONE,
    STARTTLS,
    TLS;

    public static SmtpSecurity parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "alerts.smtp.security must be none, starttls or tls, not '%s'".formatted(value));
        }
    }
}
