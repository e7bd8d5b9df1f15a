package dev.spendlens.duckdb;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How to open the embedded store.
 *
 * @param path the DuckDB file; created with its folder when missing
 * @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 2GB}; work beyond it spills to disk
 * @param threads DuckDB worker threads, 0 for all cores
 */
public record StoreSettings(Path path, String memoryLimit, int threads) {
    public StoreSettings {
        requireNonNull(path, "path is null");
        requireNonNull(memoryLimit, "memoryLimit is null");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all cores) or more, was " + threads);
        }
    }

    public static StoreSettings at(Path path) {
        return new StoreSettings(path, "1GB", 0);
    }
}
