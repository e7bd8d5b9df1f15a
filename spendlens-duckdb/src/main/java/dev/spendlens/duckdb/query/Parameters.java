package dev.spendlens.duckdb.query;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The bound parameters of one statement, collected in placeholder order as its SQL is written. */
final class Parameters {
    private final List<Object> values = new ArrayList<>();

    Parameters add(Object value) {
        values.add(value instanceof LocalDate day ? Date.valueOf(day) : value);
        return this;
    }

    Parameters addAll(List<?> more) {
        more.forEach(this::add);
        return this;
    }

    Parameters copy() {
        Parameters copy = new Parameters();
        copy.values.addAll(values);
        return copy;
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }
}
