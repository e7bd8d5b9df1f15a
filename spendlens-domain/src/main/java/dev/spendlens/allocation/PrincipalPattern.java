package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A case-insensitive pattern over an ARN or a session name: a glob ({@code *} any run of
 * characters, {@code ?} one character) or, prefixed with {@code regex:}, a Java regular expression.
 */
public record PrincipalPattern(String text, Pattern pattern) {
    private static final String REGEX_PREFIX = "regex:";

    public PrincipalPattern {
        requireNonNull(text, "text is null");
        requireNonNull(pattern, "pattern is null");
    }

    public static PrincipalPattern of(String text) {
        try {
            String regex = text.startsWith(REGEX_PREFIX) ? text.substring(REGEX_PREFIX.length()) : globToRegex(text);
            return new PrincipalPattern(text, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            throw new SpendlensException(ErrorCode.INVALID_RULES, "pattern '%s' is not a valid regular expression: %s".formatted(text, e.getDescription()));
        }
    }

    public boolean matches(String value) {
        return pattern.matcher(value).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
