package dev.spendlens.costquery;

import static java.util.Objects.requireNonNull;

/** Something a query can group by or filter on: a built-in dimension, an allocation dimension, or a raw tag. */
public sealed interface Field permits Field.Builtin, Field.Allocation, Field.Tag {
    /** How the field is written on the command line: {@code PRINCIPAL}, {@code team}, {@code TAG:iamPrincipal/team}. */
    String label();

    record Builtin(Dimension dimension) implements Field {
        public Builtin {
            requireNonNull(dimension, "dimension is null");
        }

        @Override
        public String label() {
            return dimension.name();
        }
    }

    record Allocation(String dimension) implements Field {
        public Allocation {
            requireNonNull(dimension, "dimension is null");
        }

        @Override
        public String label() {
            return dimension;
        }
    }

    /** A key of the CUR 2.0 tags map, with its source prefix: {@code iamPrincipal/team}. */
    record Tag(String key) implements Field {
        public Tag {
            requireNonNull(key, "key is null");
        }

        @Override
        public String label() {
            return "TAG:" + key;
        }
    }
}
