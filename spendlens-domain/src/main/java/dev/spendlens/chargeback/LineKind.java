package dev.spendlens.chargeback;

/** What a statement line charges. */
public enum LineKind {
    /** Spend allocated to the owner by tags, people or rules. */
    DIRECT,
    /** The owner's share of a reserved bucket, by a shared-cost rule. */
    SHARED,
    /** A change to an earlier, closed month (a restated delivery, or re-allocation), charged now. */
    ADJUSTMENT
}
