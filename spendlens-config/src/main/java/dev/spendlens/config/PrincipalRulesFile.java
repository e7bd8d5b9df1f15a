package dev.spendlens.config;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.PrincipalPattern;
import dev.spendlens.allocation.PrincipalRule;
import dev.spendlens.error.ErrorCode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the allocation rules file:
 * <pre>
 * rules:
 *   - name: notebooks
 *     match: {arn: "arn:aws:sts::*:assumed-role/SageMaker*&#47;*", session: "regex:.*@acme\\.example"}
 *     set: {team: data-science, cost-center: "4410"}
 * </pre>
 * Every error names the file and line.
 */
final class PrincipalRulesFile {
    private PrincipalRulesFile() {}

    static List<PrincipalRule> read(Path file, List<AllocationDimension> dimensions) {
        Map<String, String> dimensionNames = new LinkedHashMap<>();
        dimensions.forEach(dimension -> dimensionNames.put(dimension.name().toLowerCase(Locale.ROOT), dimension.name()));
        ConfigSection root = ConfigSection.file(file, "rules file", ErrorCode.INVALID_RULES);
        List<PrincipalRule> rules = root.list("rules", List.of(), item -> rule(item, dimensionNames), text -> {
            throw new IllegalArgumentException("each rule is a mapping with name, match and set, not a single value");
        });
        root.rejectUnknownKeys();

        Map<String, Integer> seen = new HashMap<>();
        for (int index = 0; index < rules.size(); index++) {
            Integer previous = seen.putIfAbsent(rules.get(index).name(), index);
            if (previous != null) {
                throw root.failure("rules", "[%d] is named '%s' like rules[%d]: give each rule its own name, which is shown as the source of its values"
                        .formatted(index, rules.get(index).name(), previous));
            }
        }
        return rules;
    }

    private static PrincipalRule rule(ConfigSection item, Map<String, String> dimensionNames) {
        String name = item.requiredText("name");
        ConfigSection match = item.section("match");
        Optional<PrincipalPattern> arn = match.optionalParsed("arn", PrincipalPattern::of);
        Optional<PrincipalPattern> session = match.optionalParsed("session", PrincipalPattern::of);

        ConfigSection set = item.entries("set");
        Map<String, String> values = new LinkedHashMap<>();
        for (String dimension : set.keys()) {
            String canonical = dimensionNames.get(dimension.toLowerCase(Locale.ROOT));
            if (canonical == null) {
                throw set.failure(dimension, "is not an allocation dimension: use one of %s, or add it to allocation.dimensions"
                        .formatted(String.join(", ", dimensionNames.values())));
            }
            values.put(canonical, set.requiredText(dimension));
        }
        return item.construct(() -> new PrincipalRule(name, arn, session, values));
    }
}
