package dev.spendlens.alert;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Something a person should hear about, from any feature (an anomaly, a budget). The key names the
 * thing, not the message: an alert submitted again under the same key is the same alert, grown or
 * not, and is sent as an update rather than a second alert.
 *
 * @param key stable identity for de-duplication and updates, such as {@code anomaly:m1:PRINCIPAL=arn...:2026-09-14}
 * @param source the feature that raised it ({@code anomaly}, {@code budget}); routes may select on it
 * @param scope the rule within the feature that raised it (a monitor's or a budget's name); routes may select on it
 * @param title one line for a subject or a chat headline
 * @param severity how urgent
 * @param summary a sentence or two in plain language
 * @param fields labelled details, in display order
 * @param owner who it belongs to (a team), which routing maps to that owner's channels
 * @param amount its size in money (an anomaly's impact, a budget's overrun), compared against thresholds and to decide that it grew
 * @param percent its size relative to what was expected, when that means something
 * @param currency the currency of {@code amount}
 * @param link where to look, when there is a page for it
 * @param observedAt when the source last saw it
 */
public record Alert(String key, String source, String scope, String title, Severity severity, String summary, List<AlertField> fields, Optional<String> owner,
        BigDecimal amount, Optional<BigDecimal> percent, String currency, Optional<String> link, Instant observedAt) {
    public Alert {
        requireNonNull(key, "key is null");
        requireNonNull(source, "source is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(title, "title is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(summary, "summary is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        requireNonNull(owner, "owner is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(percent, "percent is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(link, "link is null");
        requireNonNull(observedAt, "observedAt is null");
        if (key.isBlank() || source.isBlank()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "an alert needs a key and a source");
        }
    }

    /** The value of a field by name. */
    public Optional<String> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).map(AlertField::value).findFirst();
    }
}
