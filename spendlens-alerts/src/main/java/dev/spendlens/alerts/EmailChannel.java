package dev.spendlens.alerts;

import static java.util.Objects.requireNonNull;

import dev.spendlens.config.SmtpConfig;
import dev.spendlens.config.SmtpSecurity;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends notifications as plain-text e-mail through an SMTP server. Any number of recipients: lists
 * longer than {@link SmtpConfig#recipientsPerMessage()} go out as several messages over one
 * connection.
 */
public final class EmailChannel implements Channel {
    private static final String SUBJECT_PREFIX = "[Spendlens] ";

    private final String name;
    private final SmtpConfig smtp;
    private final String host;
    private final List<InternetAddress> recipients;
    private final Session session;

    public EmailChannel(String name, SmtpConfig smtp, List<String> recipients) {
        this.name = requireNonNull(name, "name is null");
        this.smtp = requireNonNull(smtp, "smtp is null");
        this.host = smtp.host().orElseThrow(() -> new SpendlensException(ErrorCode.INVALID_CONFIG, "e-mail channel %s needs alerts.smtp.host".formatted(name)));
        this.recipients = parse(name, requireNonNull(recipients, "recipients is null"));
        this.session = Session.getInstance(properties(smtp));
    }

    @Override
    public String name() {
        return name;
    }

    public List<String> recipients() {
        return recipients.stream().map(InternetAddress::getAddress).toList();
    }

    @Override
    public void deliver(Notification notification) {
        String protocol = smtp.security() == SmtpSecurity.TLS ? "smtps" : "smtp";
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(host, smtp.port(), smtp.username().orElse(null), smtp.password().orElse(null));
            for (int from = 0; from < recipients.size(); from += smtp.recipientsPerMessage()) {
                List<InternetAddress> batch = recipients.subList(from, Math.min(recipients.size(), from + smtp.recipientsPerMessage()));
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(smtp.from()));
                message.setRecipients(Message.RecipientType.TO, batch.toArray(new Address[0]));
                message.setSubject(SUBJECT_PREFIX + notification.subject(), StandardCharsets.UTF_8.name());
                message.setText(NotificationText.body(notification), StandardCharsets.UTF_8.name());
                message.setSentDate(new Date());
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "e-mail channel %s could not send through %s:%d: %s".formatted(name, host, smtp.port(),
                    e.getMessage()), e);
        }
    }

    private static Properties properties(SmtpConfig smtp) {
        Properties properties = new Properties();
        String prefix = smtp.security() == SmtpSecurity.TLS ? "mail.smtps." : "mail.smtp.";
        String millis = Long.toString(smtp.timeout().toMillis());
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        properties.setProperty(prefix + "writetimeout", millis);
        properties.setProperty(prefix + "auth", Boolean.toString(smtp.username().isPresent()));
        switch (smtp.security()) {
            case NONE -> { }
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                // Required, not opportunistic: a server that cannot upgrade never sees the password in clear.
                properties.setProperty("mail.smtp.starttls.required", "true");
            }
            case TLS -> properties.setProperty("mail.smtps.ssl.enable", "true");
        }
        if (smtp.security() != SmtpSecurity.NONE) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            smtp.trustedHosts().ifPresent(hosts -> properties.setProperty(prefix + "ssl.trust", hosts));
        }
        return properties;
    }

    private static List<InternetAddress> parse(String name, List<String> recipients) {
        if (recipients.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "e-mail channel %s has no recipients".formatted(name));
        }
        List<InternetAddress> addresses = new ArrayList<>();
        for (String recipient : recipients) {
            try {
                InternetAddress address = new InternetAddress(recipient.strip(), true);
                addresses.add(address);
            } catch (AddressException e) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "e-mail channel %s: '%s' is not an e-mail address (%s)".formatted(name, recipient, e.getMessage()));
            }
        }
        return List.copyOf(addresses);
    }
}
