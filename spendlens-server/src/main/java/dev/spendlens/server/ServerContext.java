package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.finance.FinanceSettings;

import java.time.Clock;

/** What the handlers work with: the store, the allocation rules, the clock and the finance settings. */
public record ServerContext(DuckDbStore store, Allocator allocator, Clock clock, FinanceSettings finance) {
    public ServerContext {
        requireNonNull(store, "store is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(finance, "finance is null");
    }

    /** With the finance defaults (statements by cost-center, no display currency, no budget webhook). */
    public ServerContext(DuckDbStore store, Allocator allocator, Clock clock) {
        this(store, allocator, clock, FinanceSettings.defaults());
    }

    public FieldParser fields() {
        return new FieldParser(allocator.policy().dimensions().stream().map(AllocationDimension::name).toList());
    }
}
