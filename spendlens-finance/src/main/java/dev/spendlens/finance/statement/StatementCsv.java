package dev.spendlens.finance.statement;

import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.InvoiceTotal;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.chargeback.StatementLine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement as one CSV table: a {@code record} column tells lines ({@code DIRECT}, {@code SHARED},
 * {@code ADJUSTMENT}) from owner totals, invoices and the grand total, so that a spreadsheet filter
 * on it gives any of them.
 */
final class StatementCsv {
    private StatementCsv() {}

    static String write(Statement statement, Optional<ConvertedStatement> display) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("month", "dimension", "record", "owner", "team", "principal", "model", "source", "detail", "adjusted_month",
                "tokens", "usage", "price_per_1m_tokens", "amount_exact", "amount", "currency"));
        display.ifPresent(converted -> header.addAll(List.of("display_amount", "display_currency", "exchange_rate")));
        header.add("status");
        line(csv, header);
        String status = statement.closedAt().map(at -> "closed " + at).orElse("open");
        for (int i = 0; i < statement.lines().size(); i++) {
            StatementLine line = statement.lines().get(i);
            List<String> row = new ArrayList<>(List.of(statement.month().toString(), statement.dimension(), line.kind().name(), line.owner(), line.team(), line.principal(),
                    line.model(), line.source(), line.detail(), line.adjustedMonth().map(YearMonth::toString).orElse(""), plain(line.tokens()), plain(line.usage()),
                    line.pricePerMillionTokens().map(BigDecimal::toPlainString).orElse(""), plain(line.amount()), line.rounded().toPlainString(), statement.currency()));
            int index = i;
            display.ifPresent(converted -> row.addAll(List.of(converted.amounts().get(index).toPlainString(), converted.currency(), converted.rate().toPlainString())));
            row.add(status);
            line(csv, row);
        }
        for (Statement.OwnerSummary owner : statement.summary()) {
            List<String> row = summaryRow(statement, "OWNER_TOTAL", owner.owner(), owner.total(), display.map(converted -> converted.total(statement,
                    line -> line.owner().equals(owner.owner()))), status);
            line(csv, row);
        }
        for (InvoiceTotal invoice : statement.invoices()) {
            line(csv, summaryRow(statement, "INVOICE", invoice.invoiceId().isEmpty() ? "(not yet invoiced)" : invoice.invoiceId(), invoice.rounded(), Optional.empty(), status));
        }
        BigDecimal total = statement.chargedTotal().add(statement.adjustmentTotal());
        line(csv, summaryRow(statement, "TOTAL", "", total, display.map(converted -> converted.total(statement, line -> true)), status));
        return csv.toString();
    }

    private static List<String> summaryRow(Statement statement, String record, String owner, BigDecimal amount, Optional<BigDecimal> displayAmount, String status) {
        List<String> row = new ArrayList<>(List.of(statement.month().toString(), statement.dimension(), record, owner, "", "", "", "", "", "", "", "", "", "",
                amount.toPlainString(), statement.currency()));
        if (displayAmount.isPresent()) {
            row.addAll(List.of(displayAmount.get().toPlainString(), "", ""));
        }
        row.add(status);
        return row;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields.get(i);
            boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
            // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
            if (!field.isEmpty() && "=+@".indexOf(field.charAt(0)) >= 0) {
                field = "'" + field;
            }
            csv.append(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        csv.append("\r\n");
    }
}
