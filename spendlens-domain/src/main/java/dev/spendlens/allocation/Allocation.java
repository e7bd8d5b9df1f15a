package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The value of every allocation dimension for one charge, in the policy's dimension order. */
public record Allocation(Map<String, AllocatedValue> values) {
    public Allocation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
    }

    public AllocatedValue value(String dimension) {
        AllocatedValue value = values.get(dimension);
        if (value == null) {
            throw new IllegalArgumentException("no allocation dimension '%s' in %s".formatted(dimension, values.keySet()));
        }
        return value;
    }
}
