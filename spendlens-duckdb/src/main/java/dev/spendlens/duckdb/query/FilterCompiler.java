package dev.spendlens.duckdb.query;

import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.MatchOption;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compiles a Cost Explorer Expression into a SQL predicate with bound parameters. */
final class FilterCompiler {
    private final FactSource source;
    private final List<Object> parameters = new ArrayList<>();

    FilterCompiler(FactSource source) {
        this.source = source;
    }

    String compile(Expression expression) {
        if (expression instanceof Expression.And and) {
            return combine(and.operands(), " AND ", "And");
        }
        if (expression instanceof Expression.Or or) {
            return combine(or.operands(), " OR ", "Or");
        }
        if (expression instanceof Expression.Not not) {
            return "NOT (" + compile(not.operand()) + ")";
        }
        return match((Expression.Match) expression);
    }

    List<Object> parameters() {
        return parameters;
    }

    private String combine(List<Expression> operands, String operator, String name) {
        if (operands.size() < 2) {
            throw new SpendlensException(ErrorCode.INVALID_FILTER, "Filter.%s needs at least two expressions, got %d".formatted(name, operands.size()));
        }
        List<String> parts = new ArrayList<>();
        for (Expression operand : operands) {
            parts.add("(" + compile(operand) + ")");
        }
        return String.join(operator, parts);
    }

    private String match(Expression.Match match) {
        Set<MatchOption> options = match.options();
        String value = source.expression(match.field());
        if (options.contains(MatchOption.ABSENT)) {
            if (match.field() instanceof Field.Tag) {
                return value + " = ''";
            }
            return value + " IN ('', '%s', '%s', '%s')".formatted(ReservedBucket.UNALLOCATED.label(), ReservedBucket.NO_CALLER.label(), ReservedBucket.NOT_APPLICABLE.label());
        }
        if (match.values().isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_FILTER, "Filter on %s has no Values (use MatchOptions [\"ABSENT\"] to match a missing value)".formatted(match.field().label()));
        }
        boolean caseInsensitive = options.contains(MatchOption.CASE_INSENSITIVE);
        String subject = caseInsensitive ? "lower(" + value + ")" : value;
        List<String> alternatives = new ArrayList<>();
        for (String wanted : match.values()) {
            String operand = caseInsensitive ? wanted.toLowerCase(java.util.Locale.ROOT) : wanted;
            if (options.contains(MatchOption.STARTS_WITH)) {
                alternatives.add(like(subject, escapeLike(operand) + "%"));
            } else if (options.contains(MatchOption.ENDS_WITH)) {
                alternatives.add(like(subject, "%" + escapeLike(operand)));
            } else if (options.contains(MatchOption.CONTAINS)) {
                alternatives.add(like(subject, "%" + escapeLike(operand) + "%"));
            } else if (options.contains(MatchOption.GREATER_THAN_OR_EQUAL)) {
                parameters.add(operand);
                alternatives.add(subject + " >= ?");
            } else {
                parameters.add(operand);
                alternatives.add(subject + " = ?");
            }
        }
        return String.join(" OR ", alternatives);
    }

    private String like(String subject, String pattern) {
        parameters.add(pattern);
        return subject + " LIKE ? ESCAPE '\\'";
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
