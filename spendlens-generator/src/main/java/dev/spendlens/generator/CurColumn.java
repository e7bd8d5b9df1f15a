package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

/** A column of the CUR 2.0 table, with its AWS Glue type. */
record CurColumn(String name, Type type) {
    CurColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    /** The column types of AWS's Glue table, and how DuckDB writes them. */
    enum Type {
        STRING("string", "VARCHAR"),
        DOUBLE("double", "DOUBLE"),
        TIMESTAMP("timestamp", "TIMESTAMP"),
        MAP_OF_STRING("map<string,string>", "MAP(VARCHAR, VARCHAR)"),
        MAP_OF_DOUBLE("map<string,double>", "MAP(VARCHAR, DOUBLE)");

        private final String glueType;
        private final String duckDbType;

        Type(String glueType, String duckDbType) {
            this.glueType = glueType;
            this.duckDbType = duckDbType;
        }

        /** As AWS writes it in the manifest: {@code map<string,string>}. */
        String glueType() {
            return glueType;
        }

        String duckDbType() {
            return duckDbType;
        }
    }
}
