package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that decides who owns a charge.
 *
 * @param dimensions the allocation dimensions, in report order
 * @param precedence which tag source wins when several carry the same dimension
 * @param normalization clean-up applied to every value
 * @param rules ARN and session-name patterns, tried in order when tags are silent
 * @param people person -> values, tried before the rules when tags are silent
 */
public record AllocationPolicy(
        List<AllocationDimension> dimensions,
        List<TagSource> precedence,
        ValueNormalization normalization,
        List<PrincipalRule> rules,
        PeopleDirectory people) {

    public AllocationPolicy {
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        precedence = List.copyOf(requireNonNull(precedence, "precedence is null"));
        requireNonNull(normalization, "normalization is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        requireNonNull(people, "people is null");
        Set<String> names = new HashSet<>();
        for (AllocationDimension dimension : dimensions) {
            if (!names.add(dimension.name())) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "allocation dimension '%s' is listed twice".formatted(dimension.name()));
            }
        }
        if (new HashSet<>(precedence).size() != precedence.size()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "tag precedence lists a source twice: " + precedence);
        }
        for (PrincipalRule rule : rules) {
            for (String dimension : rule.values().keySet()) {
                if (!names.contains(dimension)) {
                    throw new SpendlensException(ErrorCode.INVALID_RULES,
                            "rule '%s' sets '%s', which is not an allocation dimension %s".formatted(rule.name(), dimension, names));
                }
            }
        }
    }

    /** The defaults: team, project, cost-center, application; principal tags first; values normalised. */
    public static AllocationPolicy defaults() {
        return new AllocationPolicy(AllocationDimension.defaults(), List.of(TagSource.values()), ValueNormalization.standard(), List.of(), PeopleDirectory.empty());
    }

    public Optional<AllocationDimension> dimension(String name) {
        return dimensions.stream().filter(dimension -> dimension.name().equals(name)).findFirst();
    }

    public AllocationPolicy withRules(List<PrincipalRule> newRules, PeopleDirectory newPeople) {
        return new AllocationPolicy(dimensions, precedence, normalization, newRules, newPeople);
    }
}
