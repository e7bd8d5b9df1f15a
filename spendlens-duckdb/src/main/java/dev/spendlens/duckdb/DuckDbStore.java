package dev.spendlens.duckdb;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.duckdb.DuckDBConnection;

/**
 * The embedded DuckDB store: one file, opened once per process. Work that needs its own connection
 * (a request thread, an ingest) takes one with {@link #connect()}; DuckDB connections of one
 * database share its buffer pool and see each other's committed data.
 */
public final class DuckDbStore implements AutoCloseable {
    private final StoreSettings settings;
    private final DuckDBConnection root;
    // Bumped by every write that can change the StoreState; the state read at a generation serves until the next.
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<KnownState> known = new AtomicReference<>(new KnownState(-1, new StoreState("USD", false, false)));

    private record KnownState(long generation, StoreState state) {}

    private DuckDbStore(StoreSettings settings, DuckDBConnection root) {
        this.settings = settings;
        this.root = root;
    }

    /** Opens (creating when missing) the store at the settings' path. */
    public static DuckDbStore open(StoreSettings settings) {
        requireNonNull(settings, "settings is null");
        Path path = settings.path().toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.STORE_UNAVAILABLE, "cannot create the store's folder %s: %s".formatted(path.getParent(), e.getMessage()), e);
        }
        try {
            Properties properties = new Properties();
            properties.setProperty("memory_limit", settings.memoryLimit());
            if (settings.threads() > 0) {
                properties.setProperty("threads", Integer.toString(settings.threads()));
            }
            // Spill next to the store rather than in /tmp, which is often small.
            properties.setProperty("temp_directory", path.getParent().resolve(path.getFileName() + ".tmp").toString());
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path, properties);
            DuckDbStore store = new DuckDbStore(settings, connection);
            store.migrate();
            return store;
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.STORE_UNAVAILABLE, "cannot open the store %s: %s (is another Spendlens process using it?)".formatted(path, e.getMessage()), e);
        }
    }

    public StoreSettings settings() {
        return settings;
    }

    /** A new connection to the store; close it when done. */
    public Connection connect() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.STORE_UNAVAILABLE, "cannot connect to the store: " + e.getMessage(), e);
        }
    }

    /** The currency and rollup freshness of the store's contents, read again only after {@link #changed()}. */
    public StoreState state() {
        long current = generation.get();
        KnownState state = known.get();
        if (state.generation() == current) {
            return state.state();
        }
        try (Connection connection = connect()) {
            // Read at the generation seen before reading: a write committed meanwhile bumps it, and the next call reads again.
            StoreState read = StoreState.read(connection);
            known.set(new KnownState(current, read));
            return read;
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the store's currency and rollups", e);
        }
    }

    /**
     * Says that the facts, the deliveries or the rollups were written, so that {@link #state()} is read
     * again. The ingest and the server's start call it after they commit; DuckDB locks the file for
     * this process, so nothing else can write it meanwhile.
     */
    public void changed() {
        generation.incrementAndGet();
    }

    /** A value of the store's key/value metadata. */
    public Optional<String> meta(String key) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("SELECT meta_value FROM store_meta WHERE meta_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading store metadata " + key, e);
        }
    }

    static void putMeta(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM store_meta WHERE meta_key = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO store_meta VALUES (?, ?)")) {
            delete.setString(1, key);
            delete.executeUpdate();
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    private void migrate() throws SQLException {
        try (Connection connection = connect()) {
            StoreSchema.create(connection);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT meta_value FROM store_meta WHERE meta_key = 'schema_version'")) {
                if (rows.next()) {
                    int version = Integer.parseInt(rows.getString(1));
                    if (version > StoreSchema.VERSION) {
                        throw new SpendlensException(ErrorCode.STORE_UNAVAILABLE,
                                "the store %s was written by a newer Spendlens (schema %d, this one knows %d): upgrade Spendlens".formatted(settings.path(), version, StoreSchema.VERSION));
                    }
                    if (version < StoreSchema.VERSION) {
                        // Before the first release there is no migration: the exports are the source of truth.
                        throw new SpendlensException(ErrorCode.STORE_UNAVAILABLE,
                                "the store %s has schema %d, older than this Spendlens's %d: delete it and ingest your exports again".formatted(settings.path(), version, StoreSchema.VERSION));
                    }
                    return;
                }
            }
            putMeta(connection, "schema_version", Integer.toString(StoreSchema.VERSION));
        }
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.STORE_UNAVAILABLE, "closing the store failed: " + e.getMessage(), e);
        }
    }
}
