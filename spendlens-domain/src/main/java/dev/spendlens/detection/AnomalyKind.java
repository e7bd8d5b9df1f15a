package dev.spendlens.detection;

/** What shape an anomaly has. */
public enum AnomalyKind {
    /** A burst above the baseline that ends within a few buckets. */
    SPIKE,
    /** A step up that persists: the new level becomes the baseline. */
    LEVEL_SHIFT,
    /** A slow climb over weeks, too gradual for any one day to stand out. */
    DRIFT,
    /** A series that had no spend at all and starts spending heavily (a new principal, model, team). */
    NEW_SERIES,
    /** Spend growing hour over hour, as an agent stuck in a loop. */
    RUNAWAY
}
