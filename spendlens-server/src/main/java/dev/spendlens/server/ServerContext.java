package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.finance.FinanceSettings;
import dev.spendlens.jobs.Scheduler;

import java.time.Clock;

/**
 * What the handlers work with: the store, the allocation rules, the clock, the finance settings,
 * the configuration of features that have their own section (alerts, anomalies), and the scheduler
 * that runs jobs one at a time (started and stopped with the server).
 */
public record ServerContext(DuckDbStore store, Allocator allocator, Clock clock, FinanceSettings finance, SpendlensConfig config, Scheduler scheduler) {
    public ServerContext {
        requireNonNull(store, "store is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(finance, "finance is null");
        requireNonNull(config, "config is null");
        requireNonNull(scheduler, "scheduler is null");
    }

    /** With the configuration's schedule ({@code ingest.sources}, {@code ingest.every}, the digest times). */
    public ServerContext(DuckDbStore store, Allocator allocator, Clock clock, FinanceSettings finance, SpendlensConfig config) {
        this(store, allocator, clock, finance, config, Scheduler.of(store, allocator, clock, config));
    }

    /** With the alert, anomaly and ingest sections at their defaults: nothing is ingested by itself. */
    public ServerContext(DuckDbStore store, Allocator allocator, Clock clock, FinanceSettings finance) {
        this(store, allocator, clock, finance, SpendlensConfig.defaults());
    }

    /** With the finance defaults (statements by cost-center, no display currency, no budget webhook) and every feature section at its defaults. */
    public ServerContext(DuckDbStore store, Allocator allocator, Clock clock) {
        this(store, allocator, clock, FinanceSettings.defaults(), SpendlensConfig.defaults());
    }

    public FieldParser fields() {
        return new FieldParser(allocator.policy().dimensions().stream().map(AllocationDimension::name).toList());
    }
}
