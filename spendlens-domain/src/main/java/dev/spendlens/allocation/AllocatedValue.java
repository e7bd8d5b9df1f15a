package dev.spendlens.allocation;

import static java.util.Objects.requireNonNull;

/** One dimension's value for a charge, and why it has it. */
public record AllocatedValue(String value, AllocationSource source) {
    public AllocatedValue {
        requireNonNull(value, "value is null");
        requireNonNull(source, "source is null");
    }
}
