package dev.spendlens.duckdb;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.sql.SQLException;

/** Turns an unexpected SQL failure into a SpendlensException that says what Spendlens was doing. */
public final class SqlFailures {
    private SqlFailures() {}

    public static SpendlensException internal(String doing, SQLException e) {
        return new SpendlensException(ErrorCode.INTERNAL_ERROR, "store failure while %s: %s".formatted(doing, firstLine(e.getMessage())), e);
    }

    /** DuckDB messages carry the SQL text after the first line; users need the first line only. */
    public static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
