package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The embedded DuckDB store (section {@code store}).
 *
 * @param path the DuckDB file ({@code store.path}, default {@code ./spendlens-data/spendlens.duckdb})
 * @param memoryLimit DuckDB's {@code memory_limit}, a size such as {@code 512MB} or {@code 2GB} ({@code store.memory-limit}, default {@code 1GB}: with the JVM the process stays under 2 GB)
 * @param threads DuckDB's worker threads, 0 for all cores ({@code store.threads}, default 0)
 */
public record StoreConfig(Path path, String memoryLimit, int threads) {
    // Checked here because the value ends up in a SET statement: only a number and a unit get through.
    private static final Pattern MEMORY_LIMIT = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", Pattern.CASE_INSENSITIVE);
    static final int MAX_THREADS = 4096;

    public StoreConfig {
        requireNonNull(path, "path is null");
        checkMemoryLimit(requireNonNull(memoryLimit, "memoryLimit is null"));
        if (threads < 0 || threads > MAX_THREADS) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "store.threads %d must be from 0 (all cores) to %d".formatted(threads, MAX_THREADS));
        }
    }

    public static StoreConfig defaults() {
        return new StoreConfig(Path.of("./spendlens-data/spendlens.duckdb"), "1GB", 0);
    }

    static StoreConfig read(ConfigSection section) {
        StoreConfig defaults = defaults();
        Path path = section.path("path", defaults.path());
        String memoryLimit = section.parsed("memory-limit", defaults.memoryLimit(), StoreConfig::checkMemoryLimit);
        int threads = section.integer("threads", defaults.threads(), 0, MAX_THREADS);
        return section.construct(() -> new StoreConfig(path, memoryLimit, threads));
    }

    private static String checkMemoryLimit(String memoryLimit) {
        if (!MEMORY_LIMIT.matcher(memoryLimit).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG,
                    "store.memory-limit must be a size such as 512MB, 2GB or 1.5GiB, not '%s'".formatted(memoryLimit));
        }
        return memoryLimit;
    }
}
