package dev.spendlens.duckdb;

import static java.util.Objects.requireNonNull;

import dev.spendlens.usage.TokenType;
import dev.spendlens.usage.UsageTypeClassifier;
import dev.spendlens.usage.UsageTypeInfo;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a charge is, apart from who made it, when and in which account: the invoice it is on, its
 * record type, product, usage type, operation, region and currency, and what the usage type
 * decodes to. Facts reference charge types by id, which keeps fact rows narrow and numeric.
 */
public record ChargeType(
        String payerAccountId,
        String invoiceId,
        String billingEntity,
        String lineItemType,
        String productCode,
        String productName,
        String usageType,
        String operation,
        String region,
        String pricingUnit,
        String currency) {

    // Usage-like line item types are API calls when their usage type is; tax, credits, refunds and fees never are.
    private static final Set<String> USAGE_LINE_TYPES = Set.of("Usage", "DiscountedUsage", "SavingsPlanCoveredUsage");

    public ChargeType {
        for (String value : List.of(payerAccountId, invoiceId, billingEntity, lineItemType, productCode, productName, usageType, operation, region,
                pricingUnit, currency)) {
            requireNonNull(value, "charge type fields are never null; use empty strings");
        }
    }

    public UsageTypeInfo usage() {
        return UsageTypeClassifier.classify(usageType, nonEmpty(productName), nonEmpty(pricingUnit));
    }

    /** Cost Explorer's SERVICE: the product name (Marketplace models have their own), else the product code. */
    public String service() {
        return productName.isBlank() ? productCode : productName;
    }

    /** The billed region, else the one the usage type's prefix names. */
    public String effectiveRegion() {
        return region.isBlank() ? usage().regionCode() : region;
    }

    /** The model, or {@code __none__} for charges without a usage type (tax, some credits). */
    public String model() {
        return usageType.isBlank() ? "__none__" : usage().model();
    }

    /** True when the charge is an API call, so that a missing caller means 'unallocated' rather than 'no caller'. */
    public boolean callCharge() {
        return USAGE_LINE_TYPES.contains(lineItemType) && usage().category().callCharge();
    }

    /** Tokens per unit of usage amount; 0 for charges that are not token charges. */
    public BigDecimal tokenFactor() {
        UsageTypeInfo usage = usage();
        return usage.tokenType() == TokenType.NONE ? BigDecimal.ZERO : usage.tokensPerUnit();
    }

    /** A stable 64-bit id of the charge type's billed fields: the same in every store and run. */
    public long id() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String value : List.of(payerAccountId, invoiceId, billingEntity, lineItemType, productCode, productName, usageType, operation, region,
                    pricingUnit, currency)) {
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
