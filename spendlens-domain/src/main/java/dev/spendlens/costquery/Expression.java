package dev.spendlens.costquery;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A Cost Explorer filter Expression: exactly one of And, Or, Not, Dimensions, Tags, CostCategories.
 * The field of a match is already resolved against the known dimensions and tag keys.
 */
public sealed interface Expression permits Expression.And, Expression.Or, Expression.Not, Expression.Match {
    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
        }
    }

    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
        }
    }

    record Not(Expression operand) implements Expression {
        public Not {
            requireNonNull(operand, "operand is null");
        }
    }

    /**
     * {@code Dimensions}, {@code Tags} or {@code CostCategories}: the field's value compared with any of the values.
     */
    record Match(Field field, List<String> values, Set<MatchOption> options) implements Expression {
        public Match {
            requireNonNull(field, "field is null");
            values = List.copyOf(requireNonNull(values, "values is null"));
            options = Set.copyOf(requireNonNull(options, "options is null"));
        }

        public boolean caseInsensitive() {
            return options.contains(MatchOption.CASE_INSENSITIVE);
        }
    }
}
