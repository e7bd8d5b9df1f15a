package dev.spendlens.finance.statement;

import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.InvoiceTotal;
import dev.spendlens.chargeback.LineKind;
import dev.spendlens.chargeback.SharedPool;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.chargeback.StatementLine;
import dev.spendlens.finance.statement.XlsxWorkbook.Cell;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statement as a workbook: Summary (before and after the shared costs, per owner), Lines, Shared
 * costs and Invoices (the reconciliation). Amounts are rounded so that every column adds up.
 */
final class StatementXlsx {
    private StatementXlsx() {}

    static byte[] write(Statement statement, Optional<ConvertedStatement> display) {
        XlsxWorkbook workbook = new XlsxWorkbook();
        summary(workbook.sheet("Summary"), statement, display);
        lines(workbook.sheet("Lines"), statement, display);
        shared(workbook.sheet("Shared costs"), statement);
        invoices(workbook.sheet("Invoices"), statement);
        return workbook.bytes();
    }

    private static void summary(XlsxWorkbook.Sheet sheet, Statement statement, Optional<ConvertedStatement> display) {
        sheet.row(Cell.bold("Bedrock chargeback statement"), Cell.text(statement.month().toString()));
        sheet.row(Cell.text("Owners"), Cell.text(statement.dimension()));
        sheet.row(Cell.text("Billing currency"), Cell.text(statement.currency()));
        display.ifPresent(converted -> sheet.row(Cell.text("Display currency"), Cell.text(converted.currency()), Cell.text("rate"), Cell.price(converted.rate()),
                Cell.text("dated on or before"), Cell.text(converted.rateDate().toString())));
        sheet.row(Cell.text("Status"), Cell.text(statement.closedAt().map(at -> "closed " + at + " (locked)").orElse("open")));
        sheet.row();
        sheet.row(Cell.bold("Before shared costs"), Cell.bold("Amount " + statement.currency()));
        for (Map.Entry<String, BigDecimal> entry : statement.before().entrySet()) {
            sheet.row(Cell.text(entry.getKey()), Cell.money(entry.getValue()));
        }
        sheet.row(Cell.bold("Total"), Cell.moneyBold(statement.before().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        sheet.row();
        List<String> buckets = statement.pools().stream().filter(pool -> pool.rule().isPresent()).map(SharedPool::bucket).toList();
        List<Cell> header = new ArrayList<>(List.of(Cell.bold("After shared costs: owner"), Cell.bold("Direct")));
        buckets.forEach(bucket -> header.add(Cell.bold("Share of " + bucket)));
        header.add(Cell.bold("Adjustments"));
        header.add(Cell.bold("Total " + statement.currency()));
        display.ifPresent(converted -> header.add(Cell.bold("Total " + converted.currency())));
        sheet.row(header);
        for (Statement.OwnerSummary owner : statement.summary()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(owner.owner()), Cell.money(owner.direct())));
            buckets.forEach(bucket -> row.add(Cell.money(owner.shared().getOrDefault(bucket, BigDecimal.ZERO))));
            row.add(Cell.money(owner.adjustments()));
            row.add(Cell.moneyBold(owner.total()));
            display.ifPresent(converted -> row.add(Cell.money(converted.total(statement, line -> line.owner().equals(owner.owner())))));
            sheet.row(row);
        }
        List<Cell> total = new ArrayList<>(List.of(Cell.bold("Total"), Cell.moneyBold(statement.summary().stream().map(Statement.OwnerSummary::direct)
                .reduce(BigDecimal.ZERO, BigDecimal::add))));
        buckets.forEach(bucket -> total.add(Cell.moneyBold(statement.summary().stream().map(owner -> owner.shared().getOrDefault(bucket, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add))));
        total.add(Cell.moneyBold(statement.adjustmentTotal()));
        total.add(Cell.moneyBold(statement.chargedTotal().add(statement.adjustmentTotal())));
        display.ifPresent(converted -> total.add(Cell.moneyBold(converted.total(statement, line -> true))));
        sheet.row(total);
        sheet.row();
        sheet.row(Cell.bold("Invoices (Bedrock)"), Cell.moneyBold(statement.invoiceTotal()));
        sheet.row(Cell.bold("Charged this month"), Cell.moneyBold(statement.chargedTotal()));
        sheet.row(Cell.bold("Difference"), Cell.moneyBold(statement.invoiceTotal().subtract(statement.chargedTotal())));
    }

    private static void lines(XlsxWorkbook.Sheet sheet, Statement statement, Optional<ConvertedStatement> display) {
        List<Cell> header = new ArrayList<>(List.of(Cell.bold("Owner"), Cell.bold("Kind"), Cell.bold("Team"), Cell.bold("Principal"), Cell.bold("Model"),
                Cell.bold("Tokens"), Cell.bold("Price per 1M tokens"), Cell.bold("Amount " + statement.currency()), Cell.bold("Rule or reason"), Cell.bold("Month adjusted")));
        display.ifPresent(converted -> header.add(Cell.bold("Amount " + converted.currency())));
        sheet.row(header);
        for (int i = 0; i < statement.lines().size(); i++) {
            StatementLine line = statement.lines().get(i);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(line.owner()), Cell.text(line.kind().name().toLowerCase(java.util.Locale.ROOT)),
                    Cell.text(line.team()), Cell.text(line.principal()), Cell.text(line.model()),
                    line.kind() == LineKind.DIRECT ? Cell.count(line.tokens()) : Cell.empty(),
                    line.pricePerMillionTokens().map(Cell::price).orElse(Cell.empty()), Cell.money(line.rounded()),
                    Cell.text(line.kind() == LineKind.SHARED ? line.source() + ": " + line.detail() : line.detail()),
                    Cell.text(line.adjustedMonth().map(YearMonth::toString).orElse(""))));
            int index = i;
            display.ifPresent(converted -> row.add(Cell.money(converted.amounts().get(index))));
            sheet.row(row);
        }
    }

    private static void shared(XlsxWorkbook.Sheet sheet, Statement statement) {
        sheet.row(Cell.bold("Bucket"), Cell.bold("Rule"), Cell.bold("Holds"), Cell.bold("Amount " + statement.currency()));
        for (SharedPool pool : statement.pools()) {
            String rule = pool.rule().map(value -> value.describe()).orElse("not split: nobody to charge");
            sheet.row(Cell.bold(pool.bucket()), Cell.text(rule), Cell.empty(), Cell.moneyBold(pool.amount()));
            pool.composition().forEach((category, amount) -> sheet.row(Cell.empty(), Cell.empty(), Cell.text(category), Cell.money(amount)));
        }
    }

    private static void invoices(XlsxWorkbook.Sheet sheet, Statement statement) {
        sheet.row(Cell.bold("Invoice"), Cell.bold("Exact " + statement.currency()), Cell.bold("Invoiced " + statement.currency()));
        for (InvoiceTotal invoice : statement.invoices()) {
            sheet.row(Cell.text(invoice.invoiceId().isEmpty() ? "(not yet invoiced)" : invoice.invoiceId()), Cell.money(invoice.amount()), Cell.money(invoice.rounded()));
        }
        sheet.row(Cell.bold("Total"), Cell.moneyBold(statement.invoices().stream().map(InvoiceTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add)),
                Cell.moneyBold(statement.invoiceTotal()));
        sheet.row(Cell.bold("Statement lines charged"), Cell.empty(), Cell.moneyBold(statement.chargedTotal()));
    }
}
