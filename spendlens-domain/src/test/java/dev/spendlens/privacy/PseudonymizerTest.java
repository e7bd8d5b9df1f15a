package dev.spendlens.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.allocation.CallerLabels;
import dev.spendlens.principal.Principal;
import dev.spendlens.principal.PrincipalParser;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void replacesAFederatedSessionsEmailEverywhereItAppears() {
        Pseudonymizer pseudonyms = Pseudonymizer.keyed(KEY);
        Principal jane = PrincipalParser.parse("arn:aws:sts::111122223333:assumed-role/BedrockAnalysts/Jane.Doe@acme.example");

        CallerLabels labels = pseudonyms.labels(Optional.of(jane), true);

        assertThat(labels.person()).matches("person-[0-9a-f]{16}");
        assertThat(labels.principal()).isEqualTo("arn:aws:sts::111122223333:assumed-role/BedrockAnalysts/" + labels.person());
        assertThat(labels.role()).isEqualTo("BedrockAnalysts");
        assertThat(pseudonyms.sessionName(jane)).isEqualTo(labels.person());
        assertThat(labels.toString()).doesNotContain("acme.example");
    }

    @Test
    void isStableUnderOneKeyAndDiffersUnderAnother() {
        Pseudonymizer first = Pseudonymizer.keyed(KEY);
        Pseudonymizer other = Pseudonymizer.keyed(KEY.replace('0', 'x'));

        assertThat(first.person("jane@acme.example")).isEqualTo(first.person("JANE@acme.example"));
        assertThat(first.person("jane@acme.example")).isNotEqualTo(other.person("jane@acme.example"));
        assertThat(first.fingerprint()).isNotEqualTo(other.fingerprint()).doesNotContain(KEY);
    }

    @Test
    void replacesIamUserNamesButNotApplicationsOrApiKeys() {
        Pseudonymizer pseudonyms = Pseudonymizer.keyed(KEY);
        Principal alice = PrincipalParser.parse("arn:aws:iam::111122223333:user/alice");
        Principal lambda = PrincipalParser.parse("arn:aws:sts::111122223333:assumed-role/SupportBotLambdaRole/support-bot-handler");
        Principal apiKey = PrincipalParser.parse("arn:aws:iam::111122223333:user/BedrockAPIKey-x7k2q");

        assertThat(pseudonyms.arn(alice)).startsWith("arn:aws:iam::111122223333:user/person-").doesNotContain("alice");
        assertThat(pseudonyms.arn(lambda)).isEqualTo(lambda.arn());
        assertThat(pseudonyms.arn(apiKey)).isEqualTo(apiKey.arn());
    }

    @Test
    void disabledKeepsNames() {
        Principal jane = PrincipalParser.parse("arn:aws:sts::111122223333:assumed-role/BedrockAnalysts/jane@acme.example");

        assertThat(Pseudonymizer.none().labels(Optional.of(jane), true)).isEqualTo(CallerLabels.of(Optional.of(jane), true));
        assertThat(Pseudonymizer.none().fingerprint()).isEmpty();
    }
}
