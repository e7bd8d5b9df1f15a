package dev.spendlens.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.NotificationKind;
import dev.spendlens.config.SmtpConfig;
import dev.spendlens.config.SmtpSecurity;
import dev.spendlens.error.SpendlensException;

import jakarta.mail.internet.MimeMessage;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static SmtpConfig smtp(Optional<String> user, Optional<String> password, int perMessage) {
        return new SmtpConfig(Optional.of("127.0.0.1"), MAIL.getSmtp().getPort(), SmtpSecurity.NONE, user, password, "spendlens@acme.example", Optional.empty(),
                5, perMessage);
    }

    @Test
    void sendsTheAlertAsPlainTextWithItsFields() throws Exception {
        EmailChannel channel = new EmailChannel("ml-mail", smtp(Optional.empty(), Optional.empty(), 50), List.of("ml-team@acme.example"));
        channel.deliver(new Notification(NotificationKind.NEW, Frequency.IMMEDIATE, List.of(Alerts.anomaly("a1", "ml-platform", "120.50"))));

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[Spendlens] Bedrock spend up on a1");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("spendlens@acme.example");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("Expected: 40.00 USD").contains("Impact: 120.50 USD").contains("Severity: WARNING");
    }

    @Test
    void reachesEveryRecipientOfALongListInSeveralMessages() throws Exception {
        List<String> recipients = IntStream.range(0, 120).mapToObj(index -> "person" + index + "@acme.example").toList();
        EmailChannel channel = new EmailChannel("everyone", smtp(Optional.empty(), Optional.empty(), 50), recipients);
        channel.deliver(new Notification(NotificationKind.NEW, Frequency.IMMEDIATE, List.of(Alerts.anomaly("a1", "ml-platform", "120.50"))));

        // GreenMail keeps one copy per recipient: 120 deliveries, from 3 messages of at most 50 recipients.
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(120);
        java.util.Map<String, Integer> recipientsPerMessage = new java.util.TreeMap<>();
        for (MimeMessage message : received) {
            recipientsPerMessage.put(message.getMessageID(), message.getAllRecipients().length);
        }
        assertThat(recipientsPerMessage.values()).containsExactlyInAnyOrder(50, 50, 20);
    }

    @Test
    void logsInWhenCredentialsAreSet() {
        MAIL.setUser("spendlens@acme.example", "alerts-bot", "s3cret");
        EmailChannel channel = new EmailChannel("ml-mail", smtp(Optional.of("alerts-bot"), Optional.of("s3cret"), 50), List.of("ml-team@acme.example"));
        channel.deliver(new Notification(NotificationKind.NEW, Frequency.IMMEDIATE, List.of(Alerts.anomaly("a1", "ml-platform", "10"))));
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anUnreachableServerIsAnExternalFailure() {
        SmtpConfig closed = new SmtpConfig(Optional.of("127.0.0.1"), 1, SmtpSecurity.NONE, Optional.empty(), Optional.empty(), "spendlens@acme.example", Optional.empty(),
                2, 50);
        EmailChannel channel = new EmailChannel("ml-mail", closed, List.of("ml-team@acme.example"));
        assertThatThrownBy(() -> channel.deliver(new Notification(NotificationKind.NEW, Frequency.IMMEDIATE, List.of(Alerts.anomaly("a1", "x", "1")))))
                .isInstanceOf(SpendlensException.class)
                .hasMessageContaining("could not send through 127.0.0.1:1");
    }

    @Test
    void refusesAnAddressThatIsNotOne() {
        assertThatThrownBy(() -> new EmailChannel("bad", smtp(Optional.empty(), Optional.empty(), 50), List.of("not an address")))
                .isInstanceOf(SpendlensException.class)
                .hasMessageContaining("'not an address' is not an e-mail address");
    }
}
