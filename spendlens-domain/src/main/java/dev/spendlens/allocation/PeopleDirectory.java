package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Person -> dimension values, as exported from an identity provider (Okta, Entra ID). People are
 * keyed by their lower-cased e-mail or user name, the way federated session names carry them.
 */
public record PeopleDirectory(Map<String, Map<String, String>> people) {
    public PeopleDirectory {
        requireNonNull(people, "people is null");
        Map<String, Map<String, String>> byKey = new HashMap<>();
        people.forEach((person, values) -> byKey.put(person.strip().toLowerCase(Locale.ROOT), Map.copyOf(values)));
        people = Map.copyOf(byKey);
    }

    public static PeopleDirectory empty() {
        return new PeopleDirectory(Map.of());
    }

    public Optional<String> value(String person, String dimension) {
        return Optional.ofNullable(people.get(person.toLowerCase(Locale.ROOT))).map(values -> values.get(dimension)).filter(value -> !value.isBlank());
    }

    public int size() {
        return people.size();
    }
}
