package dev.spendlens.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The monthly lines that are not usage: sales tax per account on Amazon Bedrock, promotional
 * credits on the sandbox, and refunds (one in the first period, one added when the restated
 * period was re-delivered).
 */
final class SpecialLines {
    static final double TAX_RATE = 0.0625;
    static final double SANDBOX_CREDIT_CAP = 300;

    private SpecialLines() {}

    /** About how many lines {@link #build} writes, for sizing before the plan exists. */
    static long estimate(Organisation organisation, ExportCalendar calendar) {
        return (long) calendar.periods().size() * (organisation.accounts().size() + 1) + 2;
    }

    static List<SpecialLine> build(Organisation organisation, ExportCalendar calendar, UsagePlan plan, MeterCatalog meters, TagSets tagSets,
            Resources resources, Optional<Integer> restatedPeriod) {
        int periods = calendar.periods().size();
        int accounts = organisation.accounts().size();
        double[][] firstPartyCost = new double[periods][accounts];
        for (Workload workload : plan.workloads()) {
            Meter meter = workload.meters().get(0).meter();
            if (!meter.bedrock() || !meter.billingEntity().equals(MeterCatalog.AWS)) {
                continue;
            }
            for (PlanRow row : plan.rows(workload.id())) {
                firstPartyCost[calendar.periodIndexOf(row.day())][workload.account().index()] += row.baseCost() + row.extraCost();
            }
        }
        Meter tax = meters.adjustment("Tax", ModelCatalog.FIRST_PARTY_CODE, "", "Tax for product code " + ModelCatalog.FIRST_PARTY_CODE);
        Meter credit = meters.adjustment("Credit", ModelCatalog.FIRST_PARTY_CODE, "", "AWS Credits - Generative AI promotional credit");
        Meter duplicateRefund = meters.adjustment("Refund", ModelCatalog.FIRST_PARTY_CODE, "",
                "Refund: duplicate charges for Amazon Bedrock batch inference");
        Meter serviceRefund = meters.adjustment("Refund", ModelCatalog.FIRST_PARTY_CODE, "",
                "Refund: Amazon Bedrock service credit for elevated error rates");

        List<SpecialLine> lines = new ArrayList<>();
        for (int period = 0; period < periods; period++) {
            for (Account account : organisation.accounts()) {
                double cost = firstPartyCost[period][account.index()];
                int tags = tagSets.id(account, Optional.empty(), resources.none(), false);
                if (cost > 0) {
                    lines.add(new SpecialLine(lines.size() + 1, period, tax, account, tags, cents(cost * TAX_RATE), false));
                }
                if (account.environment().equals("sandbox") && cost > 0) {
                    lines.add(new SpecialLine(lines.size() + 1, period, credit, account, tags, -cents(Math.min(SANDBOX_CREDIT_CAP, 0.9 * cost)), false));
                }
            }
        }
        Account platform = organisation.accounts().get(3);
        lines.add(new SpecialLine(lines.size() + 1, 0, duplicateRefund, platform, tagSets.id(platform, Optional.empty(), resources.none(), false),
                -cents(Math.max(1, 0.03 * firstPartyCost[0][platform.index()])), false));
        restatedPeriod.ifPresent(period -> {
            Account consumer = organisation.accounts().get(0);
            lines.add(new SpecialLine(lines.size() + 1, period, serviceRefund, consumer,
                    tagSets.id(consumer, Optional.empty(), resources.none(), false),
                    -cents(Math.max(1, 0.05 * firstPartyCost[period][consumer.index()])), true));
        });
        return lines;
    }

    private static double cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
