package dev.spendlens.duckdb;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What decides a charge's owner: its caller, its tags and whether it was a call. Facts reference
 * the key's id, so that a change of rules re-allocates history without re-reading any export.
 *
 * @param principal the caller ARN, empty when CUR names none
 * @param tagSetId the digest of the charge's tags map
 * @param callCharge true for API-call charges
 */
public record AllocationKey(String principal, String tagSetId, boolean callCharge) {
    public AllocationKey {
        requireNonNull(principal, "principal is null");
        requireNonNull(tagSetId, "tagSetId is null");
    }

    /** A stable 64-bit id: the same key gets the same id in every store and every run. */
    public long id() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(principal.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f);
            digest.update(tagSetId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f);
            digest.update((byte) (callCharge ? 1 : 0));
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
