package dev.spendlens.duckdb.testing;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** One CUR 2.0 line item for test fixtures; defaults describe an on-demand Bedrock input-token charge. */
public final class CurLine {
    String payer = "111111111111";
    String billingPeriod = "2026-07-01T00:00:00";
    String invoice = "INV-2026-07";
    String billingEntity = "AWS";
    String lineItemType = "Usage";
    String account = "222222222222";
    String accountName = "ml-prod";
    LocalDateTime start = LocalDateTime.of(2026, 7, 1, 10, 0);
    String productCode = "AmazonBedrock";
    String productName = "Amazon Bedrock";
    String productFamily = "Amazon Bedrock";
    String usageType = "USE1-NovaLite-input-tokens";
    String operation = "InvokeModelInference";
    String resourceId = "";
    String region = "us-east-1";
    String pricingUnit = "1M tokens";
    String currency = "USD";
    String principal = "arn:aws:iam::222222222222:user/alice";
    Map<String, String> tags = new LinkedHashMap<>();
    String cost = "1.00";
    String netCost = null;
    String usageAmount = "1.0";

    public static CurLine line() {
        return new CurLine();
    }

    public CurLine payer(String value) { payer = value; return this; }
    public CurLine period(String yearMonth) {
        billingPeriod = yearMonth + "-01T00:00:00";
        start = LocalDateTime.parse(yearMonth + "-01T10:00:00");
        return this;
    }
    public CurLine invoice(String value) { invoice = value; return this; }
    public CurLine billingEntity(String value) { billingEntity = value; return this; }
    public CurLine type(String value) { lineItemType = value; return this; }
    public CurLine account(String value) { account = value; return this; }
    public CurLine accountName(String value) { accountName = value; return this; }
    public CurLine at(String isoDateTime) { start = LocalDateTime.parse(isoDateTime); return this; }
    public CurLine product(String code, String name) { productCode = code; productName = name; return this; }
    public CurLine productFamily(String value) { productFamily = value; return this; }
    public CurLine usageType(String value) { usageType = value; return this; }
    public CurLine operation(String value) { operation = value; return this; }
    public CurLine resource(String value) { resourceId = value; return this; }
    public CurLine region(String value) { region = value; return this; }
    public CurLine pricingUnit(String value) { pricingUnit = value; return this; }
    public CurLine currency(String value) { currency = value; return this; }
    public CurLine principal(String value) { principal = value; return this; }
    public CurLine noPrincipal() { principal = ""; return this; }
    public CurLine tag(String key, String value) { tags.put(key, value); return this; }
    public CurLine cost(String value) { cost = value; return this; }
    public CurLine netCost(String value) { netCost = value; return this; }
    public CurLine usage(String value) { usageAmount = value; return this; }
}
