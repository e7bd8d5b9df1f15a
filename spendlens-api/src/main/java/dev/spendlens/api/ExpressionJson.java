package dev.spendlens.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.MatchOption;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads Cost Explorer's Expression JSON ({@code And}, {@code Or}, {@code Not}, {@code Dimensions},
 * {@code Tags}, {@code CostCategories}), so that a filter used with the AWS CLI can be pasted as is.
 * Errors name the JSON path of the offending part, e.g. {@code Filter.And[1].Tags.Key}.
 */
public final class ExpressionJson {
    private final FieldParser fields;

    public ExpressionJson(FieldParser fields) {
        this.fields = requireNonNull(fields, "fields is null");
    }

    public Expression parse(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "must be a JSON object with exactly one of And, Or, Not, Dimensions, Tags, CostCategories");
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        if (names.size() != 1) {
            throw invalid(path, "must have exactly one of And, Or, Not, Dimensions, Tags, CostCategories; has " + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        String name = names.get(0);
        JsonNode value = node.get(name);
        String childPath = path + "." + name;
        return switch (name) {
            case "And" -> new Expression.And(list(value, childPath));
            case "Or" -> new Expression.Or(list(value, childPath));
            case "Not" -> new Expression.Not(parse(value, childPath));
            case "Dimensions" -> match(value, childPath, MatchKind.DIMENSION);
            case "Tags" -> match(value, childPath, MatchKind.TAG);
            case "CostCategories" -> match(value, childPath, MatchKind.COST_CATEGORY);
            default -> throw invalid(path, "'%s' is not one of And, Or, Not, Dimensions, Tags, CostCategories".formatted(name));
        };
    }

    private enum MatchKind {
        DIMENSION,
        TAG,
        COST_CATEGORY
    }

    private List<Expression> list(JsonNode node, String path) {
        if (node == null || !node.isArray() || node.size() < 2) {
            throw invalid(path, "must be an array of at least two expressions");
        }
        List<Expression> operands = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            operands.add(parse(node.get(i), path + "[" + i + "]"));
        }
        return operands;
    }

    private Expression match(JsonNode node, String path, MatchKind kind) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "must be an object with Key, Values and optional MatchOptions");
        }
        JsonNode key = node.get("Key");
        if (key == null || !key.isTextual() || key.asText().isBlank()) {
            throw invalid(path + ".Key", "must be a non-empty string");
        }
        Field field;
        try {
            field = switch (kind) {
                case DIMENSION -> fields.dimension(key.asText());
                case TAG -> fields.tag(key.asText());
                case COST_CATEGORY -> fields.costCategory(key.asText());
            };
        } catch (SpendlensException e) {
            throw new SpendlensException(ErrorCode.INVALID_FILTER, path + ".Key: " + e.getMessage(), e);
        }
        List<String> values = new ArrayList<>();
        JsonNode valuesNode = node.get("Values");
        if (valuesNode != null) {
            if (!valuesNode.isArray()) {
                throw invalid(path + ".Values", "must be an array of strings");
            }
            for (int i = 0; i < valuesNode.size(); i++) {
                if (!valuesNode.get(i).isTextual()) {
                    throw invalid(path + ".Values[" + i + "]", "must be a string");
                }
                values.add(valuesNode.get(i).asText());
            }
        }
        Set<MatchOption> options = EnumSet.noneOf(MatchOption.class);
        JsonNode optionsNode = node.get("MatchOptions");
        if (optionsNode != null) {
            if (!optionsNode.isArray()) {
                throw invalid(path + ".MatchOptions", "must be an array of strings");
            }
            for (int i = 0; i < optionsNode.size(); i++) {
                options.add(MatchOption.parse(optionsNode.get(i).asText(), path + ".MatchOptions[" + i + "]"));
            }
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!List.of("Key", "Values", "MatchOptions").contains(name)) {
                throw invalid(path + "." + name, "is not a field of this expression (Key, Values, MatchOptions)");
            }
        }
        // Cost Explorer reads a Tags value "" as 'the tag is not set'.
        if (kind != MatchKind.DIMENSION && values.size() == 1 && values.get(0).isEmpty() && !options.contains(MatchOption.ABSENT)) {
            options.add(MatchOption.ABSENT);
        }
        if (values.isEmpty() && !options.contains(MatchOption.ABSENT)) {
            throw invalid(path + ".Values", "must list at least one value (or use MatchOptions [\"ABSENT\"])");
        }
        return new Expression.Match(field, values, options);
    }

    private static SpendlensException invalid(String path, String problem) {
        return new SpendlensException(ErrorCode.INVALID_FILTER, path + " " + problem);
    }
}
