package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.duckdb.DuckDbStore;

import java.time.Clock;

/** What the handlers work with: the store, the allocation rules and the clock. */
public record ServerContext(DuckDbStore store, Allocator allocator, Clock clock) {
    public ServerContext {
        requireNonNull(store, "store is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(clock, "clock is null");
    }

    public FieldParser fields() {
        return new FieldParser(allocator.policy().dimensions().stream().map(AllocationDimension::name).toList());
    }
}
