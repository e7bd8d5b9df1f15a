package dev.spendlens.anomalies;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spendlens.anomaly.MonitorDefinition;
import dev.spendlens.api.ExpressionJson;
import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.util.Optional;

/**
 * A monitor ready to run: its dimension and filter resolved against the known fields. A principal
 * monitor groups principals by their role, so that renamed sessions are told from new spend.
 *
 * @param definition as written
 * @param split the field whose every value is a series; empty for a custom monitor
 * @param group the field grouping series, when there is one
 * @param filter the spend it watches
 */
public record Monitor(MonitorDefinition definition, Optional<Field> split, Optional<Field> group, Optional<Expression> filter) {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final java.util.Set<Dimension> CALLER_DIMENSIONS = java.util.EnumSet.of(Dimension.PRINCIPAL, Dimension.PRINCIPAL_TYPE, Dimension.ROLE,
            Dimension.PERSON);

    public Monitor {
        requireNonNull(definition, "definition is null");
        requireNonNull(split, "split is null");
        requireNonNull(group, "group is null");
        requireNonNull(filter, "filter is null");
    }

    /** Resolves a definition; unknown dimensions and bad filters are refused naming the monitor. */
    public static Monitor resolve(MonitorDefinition definition, FieldParser fields) {
        try {
            Optional<Field> split = definition.dimension().map(fields::parse);
            Optional<Field> group = split.filter(field -> field.equals(new Field.Builtin(Dimension.PRINCIPAL))).map(field -> new Field.Builtin(Dimension.ROLE));
            Optional<Expression> filter = definition.filterJson().map(text -> new ExpressionJson(fields).parse(json(text), "filter"));
            return new Monitor(definition, split, group, filter);
        } catch (SpendlensException e) {
            throw new SpendlensException(e.code(), "monitor %s: %s".formatted(definition.name(), e.getMessage()), e);
        }
    }

    public String name() {
        return definition.name();
    }

    /** Whether its series are owners (an allocation dimension such as team, or a tag), which principal tags decide once callers are known. */
    public boolean byOwner() {
        return split.filter(field -> field instanceof Field.Allocation || field instanceof Field.Tag).isPresent();
    }

    /** Whether its series are callers or what callers tell (principal, its type, role, person): series known only since callers are. */
    public boolean byCaller() {
        return split.filter(field -> field instanceof Field.Builtin builtin && CALLER_DIMENSIONS.contains(builtin.dimension())).isPresent();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INVALID_FILTER, "filter is not valid JSON: " + e.getMessage().split("\n")[0]);
        }
    }
}
