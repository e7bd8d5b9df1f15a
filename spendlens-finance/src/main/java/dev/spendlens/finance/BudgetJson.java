package dev.spendlens.finance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.budget.Budget;
import dev.spendlens.budget.BudgetCheck;
import dev.spendlens.budget.BudgetPeriod;
import dev.spendlens.budget.BudgetThreshold;
import dev.spendlens.duckdb.finance.BudgetRepository;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Budgets as JSON, the same for the REST API and for storage: {@code Name}, {@code Filter} (a Cost
 * Explorer Expression), {@code Scope}, {@code Period}, {@code Currency}, {@code Amount},
 * {@code Planned {"2026-10": "4000"}}, {@code Thresholds ["80%", "forecast:100%"]},
 * {@code HardLimit}, {@code Owner}; and budget statuses with their burn-down.
 */
public final class BudgetJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private BudgetJson() {}

    /** A budget from JSON; {@code defaultCurrency} when it names none. */
    public static Budget parse(JsonNode node, String defaultCurrency) {
        if (node == null || !node.isObject()) {
            throw invalid("the budget", "must be a JSON object");
        }
        String name = text(node, "Name").orElseThrow(() -> invalid("Name", "is required, e.g. \"data-science-monthly\""));
        Optional<String> filter = node.hasNonNull("Filter") ? Optional.of(node.get("Filter").toString()) : Optional.empty();
        String scope = text(node, "Scope").orElse(filter.orElse("all Bedrock spend"));
        BudgetPeriod period = text(node, "Period").map(BudgetPeriod::parse).orElse(BudgetPeriod.MONTHLY);
        String currency = text(node, "Currency").map(value -> value.toUpperCase(java.util.Locale.ROOT)).orElse(defaultCurrency);
        BigDecimal amount = text(node, "Amount").map(value -> decimal(value, "Amount")).orElse(BigDecimal.ZERO);
        Map<YearMonth, BigDecimal> planned = new LinkedHashMap<>();
        JsonNode plan = node.get("Planned");
        if (plan != null && !plan.isNull()) {
            if (!plan.isObject()) {
                throw invalid("Planned", "must be an object of month -> amount, e.g. {\"2026-10\": \"4000\"}");
            }
            plan.fields().forEachRemaining(entry -> planned.put(month(entry.getKey()), decimal(entry.getValue().asText(), "Planned." + entry.getKey())));
        }
        List<BudgetThreshold> thresholds = new ArrayList<>();
        JsonNode list = node.get("Thresholds");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw invalid("Thresholds", "must be an array such as [\"80%\", \"forecast:100%\"]");
            }
            list.forEach(item -> thresholds.add(BudgetThreshold.parse(item.asText())));
        }
        Optional<BudgetThreshold> hardLimit = text(node, "HardLimit").map(BudgetThreshold::parse);
        Optional<String> owner = text(node, "Owner");
        return new Budget(name, filter, scope, period, currency, amount, planned, thresholds, hardLimit, owner);
    }

    public static Budget parse(String json, String defaultCurrency) {
        try {
            return parse(MAPPER.readTree(json), defaultCurrency);
        } catch (JsonProcessingException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "a stored budget is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static ObjectNode write(Budget budget) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("Name", budget.name());
        budget.filter().ifPresent(filter -> {
            try {
                node.set("Filter", MAPPER.readTree(filter));
            } catch (JsonProcessingException e) {
                throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "a budget filter is not valid JSON: " + e.getOriginalMessage());
            }
        });
        node.put("Scope", budget.scope());
        node.put("Period", budget.period().name());
        node.put("Currency", budget.currency());
        node.put("Amount", budget.amount().toPlainString());
        if (!budget.planned().isEmpty()) {
            ObjectNode planned = node.putObject("Planned");
            budget.planned().forEach((month, amount) -> planned.put(month.toString(), amount.toPlainString()));
        }
        ArrayNode thresholds = node.putArray("Thresholds");
        budget.thresholds().forEach(threshold -> thresholds.add(threshold.key()));
        budget.hardLimit().ifPresent(limit -> node.put("HardLimit", limit.key()));
        budget.owner().ifPresent(owner -> node.put("Owner", owner));
        return node;
    }

    public static ObjectNode write(BudgetStatus status, boolean burnDown) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("Budget", write(status.budget()));
        node.put("PeriodStart", status.periodStart().toString());
        node.put("PeriodEnd", status.periodEnd().toString());
        node.put("DataThrough", status.dataThrough().toString());
        node.put("Currency", status.budget().currency());
        node.put("BudgetAmount", money(status.budgetAmount()));
        node.put("Actual", money(status.actual()));
        node.put("ActualPercent", status.budgetAmount().signum() == 0 ? "0" : status.actual().multiply(BigDecimal.valueOf(100))
                .divide(status.budgetAmount(), 1, RoundingMode.HALF_UP).toPlainString());
        ObjectNode forecast = node.putObject("ForecastAtPeriodEnd");
        forecast.put("MeanValue", CostForecastJson.amount(status.forecast().mean()));
        forecast.put("PredictionIntervalLowerBound", CostForecastJson.amount(status.forecast().lower()));
        forecast.put("PredictionIntervalUpperBound", CostForecastJson.amount(status.forecast().upper()));
        node.put("BillingCurrency", status.billingCurrency());
        node.put("ActualInBillingCurrency", money(status.actualBilling()));
        node.put("ExchangeRate", status.rate().toPlainString());
        ArrayNode crossed = node.putArray("Crossed");
        for (BudgetCheck.Crossing crossing : status.crossings()) {
            ObjectNode item = crossed.addObject();
            item.put("Threshold", crossing.threshold().key());
            item.put("Limit", money(crossing.limit()));
            item.put("Observed", money(crossing.observed()));
        }
        status.hardLimit().ifPresent(crossing -> {
            ObjectNode item = node.putObject("HardLimitCrossed");
            item.put("Threshold", crossing.threshold().key());
            item.put("Limit", money(crossing.limit()));
            item.put("Observed", money(crossing.observed()));
        });
        ArrayNode alerted = node.putArray("Alerts");
        for (BudgetRepository.Crossed alert : status.alerted()) {
            ObjectNode item = alerted.addObject();
            item.put("Threshold", alert.threshold());
            item.put("CrossedAt", alert.crossedAt().toString());
            item.put("Amount", money(alert.amount()));
            item.put("Delivery", alert.delivery());
        }
        if (burnDown) {
            ArrayNode points = node.putArray("BurnDown");
            for (BudgetStatus.BurnDownPoint point : status.burnDown()) {
                ObjectNode item = points.addObject();
                item.put("Date", point.date().toString());
                item.put("Ideal", money(point.ideal()));
                point.actual().ifPresent(actual -> {
                    item.put("Actual", money(actual));
                    item.put("Remaining", money(status.budgetAmount().subtract(actual)));
                });
                point.forecast().ifPresent(value -> {
                    item.put("ForecastMean", CostForecastJson.amount(value.mean()));
                    item.put("ForecastLower", CostForecastJson.amount(value.lower()));
                    item.put("ForecastUpper", CostForecastJson.amount(value.upper()));
                });
            }
        }
        return node;
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }

    private static BigDecimal decimal(String text, String path) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(path, "'%s' is not a number".formatted(text));
        }
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid("Planned", "month '%s' is not like 2026-10".formatted(text));
        }
    }

    private static SpendlensException invalid(String path, String problem) {
        return new SpendlensException(ErrorCode.INVALID_ARGUMENT, path + " " + problem);
    }
}
