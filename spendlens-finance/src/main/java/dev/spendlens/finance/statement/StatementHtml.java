package dev.spendlens.finance.statement;

import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.InvoiceTotal;
import dev.spendlens.chargeback.LineKind;
import dev.spendlens.chargeback.SharedPool;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.chargeback.StatementLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A statement as one self-contained HTML page (no scripts, no external files): a section per owner, then shared costs and invoices. */
final class StatementHtml {
    private StatementHtml() {}

    static String write(Statement statement, Optional<ConvertedStatement> display) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bedrock chargeback ").append(statement.month())
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
                        + "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
                        + "tr.total td{font-weight:bold;border-top:2px solid #222}.muted{color:#666}</style></head><body>\n");
        html.append("<h1>Bedrock chargeback statement ").append(statement.month()).append("</h1>\n<p>Owners: <b>").append(escape(statement.dimension()))
                .append("</b>. Billing currency ").append(statement.currency());
        display.ifPresent(converted -> html.append("; shown also in ").append(converted.currency()).append(" at ").append(converted.rate().toPlainString())
                .append(" (rate dated on or before ").append(converted.rateDate()).append(")"));
        html.append(". Status: ").append(statement.closedAt().map(at -> "<b>closed " + at + "</b> (locked)").orElse("open")).append(".</p>\n");

        html.append("<h2>Before shared costs</h2>\n<table><tr><th>Owner or bucket</th><th class=n>").append(statement.currency()).append("</th></tr>\n");
        for (Map.Entry<String, BigDecimal> entry : statement.before().entrySet()) {
            html.append("<tr><td>").append(escape(entry.getKey())).append("</td><td class=n>").append(money(entry.getValue())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>After shared costs</h2>\n<table><tr><th>Owner</th><th class=n>Direct</th><th class=n>Shared</th><th class=n>Adjustments</th><th class=n>Total ")
                .append(statement.currency()).append("</th>");
        display.ifPresent(converted -> html.append("<th class=n>Total ").append(converted.currency()).append("</th>"));
        html.append("</tr>\n");
        for (Statement.OwnerSummary owner : statement.summary()) {
            html.append("<tr><td><a href=\"#").append(anchor(owner.owner())).append("\">").append(escape(owner.owner())).append("</a></td><td class=n>")
                    .append(money(owner.direct())).append("</td><td class=n>").append(money(owner.sharedTotal())).append("</td><td class=n>")
                    .append(money(owner.adjustments())).append("</td><td class=n>").append(money(owner.total())).append("</td>");
            display.ifPresent(converted -> html.append("<td class=n>").append(money(converted.total(statement, line -> line.owner().equals(owner.owner())))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("<tr class=total><td>Total</td><td class=n></td><td class=n></td><td class=n>").append(money(statement.adjustmentTotal()))
                .append("</td><td class=n>").append(money(statement.chargedTotal().add(statement.adjustmentTotal()))).append("</td>");
        display.ifPresent(converted -> html.append("<td class=n>").append(money(converted.total(statement, line -> true))).append("</td>"));
        html.append("</tr></table>\n");

        for (String owner : statement.owners()) {
            html.append("<h2 id=\"").append(anchor(owner)).append("\">").append(escape(owner)).append("</h2>\n<table><tr><th>Team</th><th>Principal</th><th>Model</th>"
                    + "<th class=n>Tokens</th><th class=n>Per 1M tokens</th><th class=n>").append(statement.currency()).append("</th><th>Rule or reason</th></tr>\n");
            BigDecimal total = BigDecimal.ZERO;
            for (StatementLine line : statement.lines(owner)) {
                total = total.add(line.rounded());
                String what = switch (line.kind()) {
                    case DIRECT -> "";
                    case SHARED -> "share of " + line.source() + ": " + line.detail();
                    case ADJUSTMENT -> "adjustment: " + line.detail();
                };
                html.append("<tr><td>").append(escape(line.team())).append("</td><td>").append(escape(line.principal())).append("</td><td>").append(escape(line.model()))
                        .append("</td><td class=n>").append(line.kind() == LineKind.DIRECT ? count(line.tokens()) : "").append("</td><td class=n>")
                        .append(line.pricePerMillionTokens().map(BigDecimal::toPlainString).orElse("")).append("</td><td class=n>").append(money(line.rounded()))
                        .append("</td><td class=muted>").append(escape(what)).append("</td></tr>\n");
            }
            html.append("<tr class=total><td colspan=5>Total ").append(escape(owner)).append("</td><td class=n>").append(money(total)).append("</td><td></td></tr></table>\n");
        }

        html.append("<h2>Shared costs</h2>\n<table><tr><th>Bucket</th><th>Rule</th><th>Holds</th><th class=n>").append(statement.currency()).append("</th></tr>\n");
        for (SharedPool pool : statement.pools()) {
            html.append("<tr><td>").append(escape(pool.bucket())).append("</td><td>").append(escape(pool.rule().map(rule -> rule.describe()).orElse("not split: nobody to charge")))
                    .append("</td><td></td><td class=n>").append(money(pool.amount())).append("</td></tr>\n");
            pool.composition().forEach((category, amount) -> html.append("<tr><td></td><td></td><td>").append(escape(category)).append("</td><td class=n>")
                    .append(money(amount)).append("</td></tr>\n"));
        }
        html.append("</table>\n<h2>Reconciliation with the invoices</h2>\n<table><tr><th>Invoice</th><th class=n>").append(statement.currency()).append("</th></tr>\n");
        for (InvoiceTotal invoice : statement.invoices()) {
            html.append("<tr><td>").append(escape(invoice.invoiceId().isEmpty() ? "(not yet invoiced)" : invoice.invoiceId())).append("</td><td class=n>")
                    .append(money(invoice.rounded())).append("</td></tr>\n");
        }
        html.append("<tr class=total><td>Invoices</td><td class=n>").append(money(statement.invoiceTotal())).append("</td></tr>\n<tr><td>Charged this month</td><td class=n>")
                .append(money(statement.chargedTotal())).append("</td></tr>\n<tr><td>Difference</td><td class=n>")
                .append(money(statement.invoiceTotal().subtract(statement.chargedTotal()))).append("</td></tr></table>\n</body></html>\n");
        return html.toString();
    }

    private static String money(BigDecimal value) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value.setScale(2, RoundingMode.HALF_UP));
    }

    private static String count(BigDecimal value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String anchor(String owner) {
        return "owner-" + owner.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
