package dev.spendlens.server;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured SHA-256 of the token. The
 * comparison takes the same time whatever the token, and the token itself is never logged.
 */
final class BearerAuth {
    private final byte[] expectedDigest;

    BearerAuth(String tokenSha256Hex) {
        try {
            this.expectedDigest = HexFormat.of().parseHex(tokenSha256Hex.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "server.api-token-sha256 must be 64 hexadecimal characters (sha256sum of the token)");
        }
        if (expectedDigest.length != 32) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "server.api-token-sha256 must be 64 hexadecimal characters (sha256sum of the token)");
        }
    }

    void check(Context context) {
        String header = context.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new SpendlensException(ErrorCode.UNAUTHORIZED, "this server needs 'Authorization: Bearer <token>'");
        }
        if (!MessageDigest.isEqual(expectedDigest, sha256(header.substring(7).strip()))) {
            throw new SpendlensException(ErrorCode.UNAUTHORIZED, "the bearer token is not the configured one");
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
