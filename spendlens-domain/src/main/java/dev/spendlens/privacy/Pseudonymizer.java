package dev.spendlens.privacy;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.CallerLabels;
import dev.spendlens.principal.Principal;
import dev.spendlens.principal.PrincipalType;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces people (a federated session's e-mail or user name, an IAM user's name) by stable keyed
 * pseudonyms, {@code person-3f9a0c1d2e4b5a69}: HMAC-SHA256 of the lower-cased name under a secret
 * key. The same person always gets the same pseudonym under the same key, and without the key a
 * pseudonym cannot be traced back to a name. Applications, roles and API keys are not people and
 * keep their names.
 */
public final class Pseudonymizer {
    private static final String PREFIX = "person-";
    private static final int HEX_DIGITS = 16;

    private final Optional<SecretKeySpec> key;

    private Pseudonymizer(Optional<SecretKeySpec> key) {
        this.key = key;
    }

    /** People keep their names. */
    public static Pseudonymizer none() {
        return new Pseudonymizer(Optional.empty());
    }

    /** People get pseudonyms under this secret key. */
    public static Pseudonymizer keyed(String secret) {
        requireNonNull(secret, "secret is null");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the pseudonym key is empty");
        }
        return new Pseudonymizer(Optional.of(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
    }

    public boolean enabled() {
        return key.isPresent();
    }

    /** A person's pseudonym, or the person when disabled. */
    public String person(String person) {
        return key.map(secret -> PREFIX + hmac(secret, person.strip().toLowerCase(Locale.ROOT)).substring(0, HEX_DIGITS)).orElse(person);
    }

    /** The caller ARN with the person's name replaced; other ARNs unchanged. */
    public String arn(Principal principal) {
        if (!enabled() || principal.person().isEmpty()) {
            return principal.arn();
        }
        String arn = principal.arn();
        if (principal.type() == PrincipalType.IAM_USER) {
            return arn.substring(0, arn.length() - principal.name().length()) + person(principal.name());
        }
        // Sessions end with the session name (assumed-role/<role>/<session>, federated-user/<name>).
        String session = principal.sessionName().orElse(principal.name());
        return arn.substring(0, arn.length() - session.length()) + person(session);
    }

    /** The session name, replaced when it names a person. */
    public String sessionName(Principal principal) {
        Optional<String> session = principal.sessionName();
        if (session.isEmpty()) {
            return "";
        }
        return enabled() && principal.person().isPresent() ? person(session.get()) : session.get();
    }

    /** The caller labels with the principal and the person replaced. */
    public CallerLabels labels(Optional<Principal> caller, boolean callCharge) {
        CallerLabels labels = CallerLabels.of(caller, callCharge);
        if (!enabled() || caller.isEmpty() || caller.get().person().isEmpty()) {
            return labels;
        }
        Principal principal = caller.get();
        return new CallerLabels(arn(principal), labels.principalType(), labels.role(), person(principal.person().get()));
    }

    /**
     * What the allocations depend on, without revealing the key: empty when disabled, else a digest
     * of the key, so that a new key (or switching pseudonyms on or off) rebuilds the allocations.
     */
    public String fingerprint() {
        return key.map(secret -> "pseudonyms:" + hmac(secret, "spendlens allocation fingerprint").substring(0, HEX_DIGITS)).orElse("");
    }

    private static String hmac(SecretKeySpec secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return enabled() ? "Pseudonymizer[keyed]" : "Pseudonymizer[none]";
    }
}
