package dev.spendlens.error;

import static java.util.Objects.requireNonNull;

/** The one unchecked exception Spendlens throws: a code saying what kind of failure, and a message saying what to do. */
public class SpendlensException extends RuntimeException {
    private final ErrorCode code;

    public SpendlensException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public SpendlensException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
