package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.privacy.Pseudonymizer;

import java.util.Optional;

/**
 * How people are shown (section {@code privacy}). Session names are often e-mail addresses: personal data.
 *
 * @param pseudonymizePeople replace people by keyed pseudonyms in stored data and reports
 *                           ({@code privacy.pseudonymize-people}, default {@code false})
 * @param pseudonymKey the secret key of the pseudonyms, at least {@value #MIN_KEY_LENGTH} characters
 *                     ({@code privacy.pseudonym-key}, default empty); required when pseudonymizing
 */
public record PrivacyConfig(boolean pseudonymizePeople, Optional<String> pseudonymKey) {
    public static final int MIN_KEY_LENGTH = 32;

    public PrivacyConfig {
        requireNonNull(pseudonymKey, "pseudonymKey is null").ifPresent(PrivacyConfig::checkKey);
        if (pseudonymizePeople && pseudonymKey.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "privacy.pseudonymize-people is true, so privacy.pseudonym-key is required: "
                    + "set SPENDLENS_PRIVACY_PSEUDONYM_KEY to a secret such as the output of openssl rand -hex 32");
        }
    }

    public static PrivacyConfig defaults() {
        return new PrivacyConfig(false, Optional.empty());
    }

    /** Keyed pseudonyms when {@code pseudonymize-people} is on, else names as billed. */
    public Pseudonymizer pseudonymizer() {
        return pseudonymizePeople ? Pseudonymizer.keyed(pseudonymKey.orElseThrow()) : Pseudonymizer.none();
    }

    static PrivacyConfig read(ConfigSection section) {
        PrivacyConfig defaults = defaults();
        boolean pseudonymize = section.flag("pseudonymize-people", defaults.pseudonymizePeople());
        Optional<String> key = section.optionalParsed("pseudonym-key", PrivacyConfig::checkKey);
        return section.construct(() -> new PrivacyConfig(pseudonymize, key));
    }

    // Never quotes the key: error messages end up in logs.
    private static String checkKey(String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "privacy.pseudonym-key is %d characters; use at least %d, e.g. the output of openssl rand -hex 32"
                    .formatted(key.length(), MIN_KEY_LENGTH));
        }
        return key;
    }

    /** Never shows the key, so that logging the configuration does not leak it. */
    @Override
    public String toString() {
        return "PrivacyConfig[pseudonymizePeople=%s, pseudonymKey=%s]".formatted(pseudonymizePeople, pseudonymKey.map(key -> "<redacted>").orElse("<none>"));
    }
}
