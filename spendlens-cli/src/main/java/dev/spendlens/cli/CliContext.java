package dev.spendlens.cli;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.Allocator;
import dev.spendlens.config.ConfigLoader;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.finance.FinanceSettings;
import dev.spendlens.finance.StoreAccess;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What every command shares: the output streams, the environment, the configuration and the
 * store, opened on first use and closed when the command ends.
 */
final class CliContext implements AutoCloseable {
    private static final Path DEFAULT_CONFIG = Path.of("spendlens.yaml");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock = Clock.systemUTC();
    private SpendlensConfig config;
    private DuckDbStore store;

    CliContext(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Map<String, String> environment() {
        return environment;
    }

    Clock clock() {
        return clock;
    }

    /** The configuration: --config, else SPENDLENS_CONFIG, else ./spendlens.yaml when present, else the defaults. */
    SpendlensConfig config(Optional<Path> configFile) {
        if (config == null) {
            Optional<Path> file = configFile.or(() -> ConfigLoader.configFile(environment)).or(() -> Files.isRegularFile(DEFAULT_CONFIG) ? Optional.of(DEFAULT_CONFIG) : Optional.empty());
            config = ConfigLoader.load(file, environment);
        }
        return config;
    }

    /** The store at --db, else at store.path from the configuration. */
    DuckDbStore store(StoreOptions options) {
        if (store == null) {
            SpendlensConfig loaded = config(options.config());
            Path path = options.database().orElse(loaded.store().path());
            store = DuckDbStore.open(new StoreSettings(path, loaded.store().memoryLimit(), loaded.store().threads()));
        }
        return store;
    }

    /** The finance settings of the configuration: chargeback rules, exchange rates, display currency, budget channels. */
    FinanceSettings finance(StoreOptions options) {
        return FinanceSettings.of(config(options.config()));
    }

    /** The store brought up to date with the allocation rules, for the finance services. */
    StoreAccess access(StoreOptions options) {
        return new StoreAccess(store(options), allocator(options), clock);
    }

    Allocator allocator(StoreOptions options) {
        return config(options.config()).allocator();
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
