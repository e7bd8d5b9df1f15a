package dev.spendlens.cli;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

/** The options every command that reads or writes the store takes. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "FILE", description = "The DuckDB store (default: store.path of the config, ./spendlens-data/spendlens.duckdb).")
    Path database;

    @Option(names = "--config", paramLabel = "FILE", description = "The YAML config (default: $SPENDLENS_CONFIG, else ./spendlens.yaml when present).")
    Path config;

    Optional<Path> database() {
        return Optional.ofNullable(database);
    }

    Optional<Path> config() {
        return Optional.ofNullable(config);
    }
}
