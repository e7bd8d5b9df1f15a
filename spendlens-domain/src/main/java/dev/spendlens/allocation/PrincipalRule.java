package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.principal.Principal;

import java.util.Map;
import java.util.Optional;

/**
 * A rule for what tags don't say: principals whose ARN (and, optionally, session name) match get
 * these dimension values.
 *
 * @param name shown as the source of every value the rule sets
 * @param arn pattern over the full principal ARN, if any
 * @param session pattern over the role session name, if any
 * @param values dimension name -> value
 */
public record PrincipalRule(String name, Optional<PrincipalPattern> arn, Optional<PrincipalPattern> session, Map<String, String> values) {
    public PrincipalRule {
        requireNonNull(name, "name is null");
        requireNonNull(arn, "arn is null");
        requireNonNull(session, "session is null");
        values = Map.copyOf(requireNonNull(values, "values is null"));
        if (arn.isEmpty() && session.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_RULES, "rule '%s' must match on 'arn', 'session' or both".formatted(name));
        }
        if (values.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_RULES, "rule '%s' sets no dimension: add 'set: {team: ...}'".formatted(name));
        }
    }

    public boolean matches(Principal principal) {
        boolean arnMatches = arn.map(pattern -> pattern.matches(principal.arn())).orElse(true);
        boolean sessionMatches = session.map(pattern -> principal.sessionName().map(pattern::matches).orElse(false)).orElse(true);
        return arnMatches && sessionMatches;
    }
}
