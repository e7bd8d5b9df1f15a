package dev.spendlens.duckdb.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The columns of one export file, looked up case-insensitively, with their DuckDB types. */
record SourceColumns(Map<String, String> typesByName) {
    SourceColumns {
        typesByName = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(typesByName, "typesByName is null")));
    }

    Optional<String> actualName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return typesByName.keySet().stream().filter(column -> column.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    boolean has(String name) {
        return actualName(name).isPresent();
    }

    Optional<String> type(String name) {
        return actualName(name).map(typesByName::get);
    }

    /** The column as a quoted SQL identifier. */
    Optional<String> reference(String name) {
        return actualName(name).map(SourceColumns::quote);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
