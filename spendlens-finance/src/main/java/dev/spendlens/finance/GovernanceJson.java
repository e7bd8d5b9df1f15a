package dev.spendlens.finance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.RoundingMode;

/** A governance report as JSON. */
public final class GovernanceJson {
    private GovernanceJson() {}

    public static ObjectNode write(GovernanceReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("Month", report.month().toString());
        root.put("Currency", report.currency());
        root.put("Total", report.total().setScale(2, RoundingMode.HALF_UP).toPlainString());
        ArrayNode shares = root.putArray("UnallocatedShares");
        for (GovernanceReport.DimensionShare share : report.shares()) {
            ObjectNode node = shares.addObject();
            node.put("Dimension", share.dimension());
            node.put("Unallocated", share.unallocated().setScale(2, RoundingMode.HALF_UP).toPlainString());
            node.put("NoCaller", share.noCaller().setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        ArrayNode findings = root.putArray("Findings");
        for (Finding finding : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("Kind", finding.kind().name());
            node.put("Subject", finding.subject());
            node.put("Cost", finding.cost().setScale(2, RoundingMode.HALF_UP).toPlainString());
            node.put("Detail", finding.detail());
            node.put("Action", finding.action());
        }
        return root;
    }
}
