package dev.spendlens.error;

/**
 * Every failure Spendlens reports carries one of these codes, so that scripts and the REST API can
 * react to the kind of failure without parsing messages.
 */
public enum ErrorCode {
    // The user asked for something that cannot be done as asked: fix the input and retry.
    INVALID_ARGUMENT(Kind.USER_ERROR),
    INVALID_CONFIG(Kind.USER_ERROR),
    INVALID_FILTER(Kind.USER_ERROR),
    UNKNOWN_DIMENSION(Kind.USER_ERROR),
    SOURCE_NOT_FOUND(Kind.USER_ERROR),
    // The export itself is broken or not what we can read.
    CUR_UNREADABLE_FILE(Kind.USER_ERROR),
    CUR_MISSING_COLUMN(Kind.USER_ERROR),
    CUR_BAD_VALUE(Kind.USER_ERROR),
    CUR_CURRENCY_MIX(Kind.USER_ERROR),
    MALFORMED_PRINCIPAL_ARN(Kind.USER_ERROR),
    INVALID_RULES(Kind.USER_ERROR),
    STORE_CURRENCY_MISMATCH(Kind.USER_ERROR),
    NOT_FOUND(Kind.USER_ERROR),
    CONFLICT(Kind.USER_ERROR),
    UNAUTHORIZED(Kind.USER_ERROR),
    // Something outside Spendlens failed: a network, a disk, S3, an SMTP server.
    EXTERNAL_FAILURE(Kind.EXTERNAL_ERROR),
    STORE_UNAVAILABLE(Kind.EXTERNAL_ERROR),
    // A bug in Spendlens: please report it.
    INTERNAL_ERROR(Kind.INTERNAL_ERROR);

    /** Who has to act when this code is raised. */
    public enum Kind {
        USER_ERROR,
        EXTERNAL_ERROR,
        INTERNAL_ERROR
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
