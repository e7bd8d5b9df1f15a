package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One chargeable SKU as it appears on a line item: everything about a line that does not depend on
 * who used it, when, or how much.
 *
 * @param id dense id, the join key in DuckDB
 * @param lineItemType {@code Usage}, {@code Tax}, {@code Credit} or {@code Refund}
 * @param billingEntity {@code AWS} or {@code AWS Marketplace}
 * @param legalEntity the seller of record
 * @param productCode {@code line_item_product_code}
 * @param usageType {@code line_item_usage_type}, empty for tax and credits
 * @param operation {@code line_item_operation}
 * @param description {@code line_item_line_item_description}
 * @param pricingUnit {@code pricing_unit}, empty for tax and credits
 * @param rate USD per pricing unit; empty for tax, credits and refunds, whose cost is given
 * @param tokensPerUnit tokens in one pricing unit (1 when not a token charge)
 * @param tokenCharge amounts are whole tokens divided by {@code tokensPerUnit}
 * @param jitter amplitude of the hour-to-hour noise on amounts (0 for instance hours)
 * @param productFamily {@code product_product_family}, empty when AWS leaves it empty
 * @param serviceCode {@code product_servicecode}
 * @param regionCode {@code product_region_code}, empty for global lines
 * @param location {@code product_location}
 * @param sku {@code product_sku}
 * @param instanceType {@code product_instance_type}, empty when not an instance
 * @param product the {@code product} map
 * @param productSince202607 the {@code product} map from July 2026 on, with provider, model, inference_type and feature
 * @param bedrock an Amazon Bedrock charge (first-party, Marketplace model or AgentCore)
 * @param taxType {@code line_item_tax_type}, empty except on tax lines
 */
record Meter(
        int id,
        String lineItemType,
        String billingEntity,
        String legalEntity,
        String productCode,
        String usageType,
        String operation,
        String description,
        String pricingUnit,
        Optional<BigDecimal> rate,
        double tokensPerUnit,
        boolean tokenCharge,
        double jitter,
        String productFamily,
        String serviceCode,
        String regionCode,
        String location,
        String sku,
        String instanceType,
        Map<String, String> product,
        Map<String, String> productSince202607,
        boolean bedrock,
        String taxType) {

    Meter {
        requireNonNull(lineItemType, "lineItemType is null");
        requireNonNull(billingEntity, "billingEntity is null");
        requireNonNull(legalEntity, "legalEntity is null");
        requireNonNull(productCode, "productCode is null");
        requireNonNull(usageType, "usageType is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(description, "description is null");
        requireNonNull(pricingUnit, "pricingUnit is null");
        requireNonNull(rate, "rate is null");
        requireNonNull(productFamily, "productFamily is null");
        requireNonNull(serviceCode, "serviceCode is null");
        requireNonNull(regionCode, "regionCode is null");
        requireNonNull(location, "location is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(instanceType, "instanceType is null");
        // Sorted, never Map.copyOf: its iteration order changes from one JVM to the next, and files must not.
        product = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(product, "product is null")));
        productSince202607 = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(productSince202607, "productSince202607 is null")));
        requireNonNull(taxType, "taxType is null");
    }

    /** USD per token (or per unit when not a token charge), 0 when the line has no rate. */
    double pricePerVolumeUnit() {
        return rate.map(value -> value.doubleValue() / tokensPerUnit).orElse(0.0);
    }

    /** The rate as CUR writes it: a plain decimal string, empty when the line has none. */
    String rateText() {
        return rate.map(value -> value.signum() == 0 ? "0.0000000000" : value.stripTrailingZeros().toPlainString()).orElse("");
    }
}
