package dev.spendlens.alert;

import static java.util.Objects.requireNonNull;

/** One labelled line of an alert's body: {@code Expected: 120.00 USD}. */
public record AlertField(String name, String value) {
    public AlertField {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }
}
