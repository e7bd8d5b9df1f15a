package dev.spendlens.duckdb.query;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Which slice of the groups to return. Groups are ranked by their total over the whole period, so
 * a page holds the same groups in every time bucket and pages never overlap.
 *
 * @param offset groups to skip
 * @param size groups per page
 */
public record PageRequest(int offset, int size) {
    public PageRequest {
        if (offset < 0 || size < 1) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "page offset must be >= 0 and size >= 1, got %d and %d".formatted(offset, size));
        }
    }

    /** The page a NextPageToken points to, or the first page. */
    public static PageRequest of(Optional<String> token, int size) {
        if (token.isEmpty() || token.get().isBlank()) {
            return new PageRequest(0, size);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (!decoded.startsWith("groups:")) {
                throw new IllegalArgumentException(decoded);
            }
            return new PageRequest(Integer.parseInt(decoded.substring("groups:".length())), size);
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "NextPageToken '%s' is not one this server issued".formatted(token.get()));
        }
    }

    String nextToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("groups:" + (offset + size)).getBytes(StandardCharsets.UTF_8));
    }
}
