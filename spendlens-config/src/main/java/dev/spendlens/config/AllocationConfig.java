package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.PeopleDirectory;
import dev.spendlens.allocation.PrincipalRule;
import dev.spendlens.allocation.TagSource;
import dev.spendlens.allocation.ValueNormalization;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns a charge (section {@code allocation}).
 *
 * @param dimensions the allocation dimensions, each with the tag keys tried in order ({@code allocation.dimensions},
 *                   default team, project, cost-center and application: see {@link AllocationDimension#defaults()})
 * @param tagPrecedence which tag source wins when several carry a dimension; a source left out is never consulted
 *                      ({@code allocation.tag-precedence}, default iamPrincipal, resourceTags, userAttribute, accountTag, costCategory)
 * @param normalizeValues fold {@code DataScience}, {@code data_science} and {@code data-science} into one value
 *                        ({@code allocation.normalize-values}, default {@code true})
 * @param aliases variant -> canonical value, applied after normalisation ({@code allocation.aliases}, default none)
 * @param rulesFile the YAML rules for callers that tags do not name ({@code allocation.rules-file}, default none)
 * @param peopleFile the CSV of person -> dimension values ({@code allocation.people-file}, default none)
 */
public record AllocationConfig(
        List<AllocationDimension> dimensions,
        List<TagSource> tagPrecedence,
        boolean normalizeValues,
        Map<String, String> aliases,
        Optional<Path> rulesFile,
        Optional<Path> peopleFile) {

    public AllocationConfig {
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        tagPrecedence = List.copyOf(requireNonNull(tagPrecedence, "tagPrecedence is null"));
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(aliases, "aliases is null")));
        requireNonNull(rulesFile, "rulesFile is null");
        requireNonNull(peopleFile, "peopleFile is null");
        checkDimensions(dimensions);
        checkPrecedence(tagPrecedence);
        checkAliases(aliases);
    }

    public static AllocationConfig defaults() {
        return new AllocationConfig(AllocationDimension.defaults(), List.of(TagSource.values()), true, Map.of(), Optional.empty(), Optional.empty());
    }

    public ValueNormalization normalization() {
        return new ValueNormalization(normalizeValues, aliases);
    }

    /** The allocation policy, with the rules and people files read now (so that edits to them are picked up on each call). */
    public AllocationPolicy policy() {
        List<PrincipalRule> rules = rulesFile.map(file -> PrincipalRulesFile.read(file, dimensions)).orElse(List.of());
        PeopleDirectory people = peopleFile.map(file -> PeopleFile.read(file, dimensions)).orElse(PeopleDirectory.empty());
        return new AllocationPolicy(dimensions, tagPrecedence, normalization(), rules, people);
    }

    static AllocationConfig read(ConfigSection section) {
        AllocationConfig defaults = defaults();
        List<AllocationDimension> dimensions = section.checked("dimensions",
                section.list("dimensions", defaults.dimensions(), AllocationConfig::dimension, AllocationConfig::dimension), AllocationConfig::checkDimensions);
        List<TagSource> precedence = section.checked("tag-precedence", section.list("tag-precedence", defaults.tagPrecedence(), item -> {
            throw item.failure("must be a list of tag sources such as iamPrincipal, not of mappings");
        }, TagSource::fromName), AllocationConfig::checkPrecedence);
        boolean normalize = section.flag("normalize-values", defaults.normalizeValues());
        Map<String, String> aliases = section.checked("aliases", section.textMap("aliases", defaults.aliases()), AllocationConfig::checkAliases);
        Optional<Path> rulesFile = section.optionalPath("rules-file");
        Optional<Path> peopleFile = section.optionalPath("people-file");
        return section.construct(() -> new AllocationConfig(dimensions, precedence, normalize, aliases, rulesFile, peopleFile));
    }

    private static void checkDimensions(List<AllocationDimension> dimensions) {
        Set<String> names = new HashSet<>();
        for (AllocationDimension dimension : dimensions) {
            if (!names.add(dimension.name())) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "allocation.dimensions lists '%s' twice: keep one".formatted(dimension.name()));
            }
        }
    }

    private static void checkPrecedence(List<TagSource> precedence) {
        if (new HashSet<>(precedence).size() != precedence.size()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "allocation.tag-precedence lists a source twice: keep one of each");
        }
    }

    private static void checkAliases(Map<String, String> aliases) {
        aliases.forEach((variant, canonical) -> {
            if (variant.isBlank() || canonical.isBlank()) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG,
                        "allocation.aliases maps '%s' to '%s': neither side may be empty".formatted(variant, canonical));
            }
        });
    }

    // {name: cost-center, tag-keys: [cost-center, costcenter]}; tag-keys default to the name.
    private static AllocationDimension dimension(ConfigSection item) {
        String name = item.requiredText("name");
        List<String> tagKeys = item.texts("tag-keys", List.of(name));
        return item.construct(() -> new AllocationDimension(name, tagKeys));
    }

    // The short form, for variables and one-line lists: 'team' or 'cost-center:cost-center|costcenter'.
    private static AllocationDimension dimension(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return AllocationDimension.named(text.strip());
        }
        List<String> tagKeys = Arrays.stream(text.substring(colon + 1).split("\\|")).map(String::strip).filter(key -> !key.isEmpty()).toList();
        return new AllocationDimension(text.substring(0, colon).strip(), tagKeys);
    }
}
