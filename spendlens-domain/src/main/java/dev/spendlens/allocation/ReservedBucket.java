package dev.spendlens.allocation;

/**
 * The explicit buckets for spend that cannot be put on a named owner. They are visible in every
 * report so that totals always equal the invoice.
 */
public enum ReservedBucket {
    /** A call whose owner nothing (tags, people directory, rules) names. */
    UNALLOCATED("__unallocated__"),
    /** A charge with no caller at all (provisioned throughput, storage, tax, credits) and no owner tag. */
    NO_CALLER("__unattributed_no_caller__"),
    /** The dimension does not apply: the ROLE of an IAM user, the PERSON behind an application's session. */
    NOT_APPLICABLE("__none__");

    private final String label;

    ReservedBucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static boolean isReserved(String value) {
        for (ReservedBucket bucket : values()) {
            if (bucket.label.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
