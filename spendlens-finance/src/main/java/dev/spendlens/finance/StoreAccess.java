package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.duckdb.query.CostQueryEngine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * What the finance services read through: the store, brought up to date with the allocation rules
 * (and pseudonyms) before the first question, the cost query engine and the clock.
 */
public final class StoreAccess {
    private final DuckDbStore store;
    private final Allocator allocator;
    private final Clock clock;
    private final CostQueryEngine engine;

    public StoreAccess(DuckDbStore store, Allocator allocator, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.clock = requireNonNull(clock, "clock is null");
        try (Connection connection = store.connect()) {
            AllocationTable.synchronize(connection, allocator);
        } catch (SQLException e) {
            throw SqlFailures.internal("updating allocations", e);
        }
        this.engine = new CostQueryEngine(store, clock);
    }

    public DuckDbStore store() {
        return store;
    }

    public Allocator allocator() {
        return allocator;
    }

    public Clock clock() {
        return clock;
    }

    public CostQueryEngine engine() {
        return engine;
    }

    public FieldParser fields() {
        return new FieldParser(allocator.policy().dimensions().stream().map(AllocationDimension::name).toList());
    }
}
