package dev.spendlens.generator;

import java.util.Locale;

/** The kinds of anomaly injected into the data and written to {@code labels.json}. */
enum AnomalyKind {
    /** A burst of one to two days on top of the usual spend. */
    SPIKE,
    /** Spend steps up and stays up. */
    LEVEL_SHIFT,
    /** Spend creeps up over weeks and stays up. */
    DRIFT,
    /** An agent stuck in a loop: cost grows hour over hour until it is stopped. */
    RUNAWAY,
    /** A principal never seen before starts spending heavily. */
    NEW_PRINCIPAL;

    /** The name in labels: {@code level_shift}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
