package dev.spendlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.ChargebackService;
import dev.spendlens.finance.FinanceSettings;
import dev.spendlens.finance.statement.StatementFormat;
import dev.spendlens.finance.statement.StatementJson;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens chargeback --month 2026-09}: the month's statement per cost centre (or another dimension). */
@Command(name = "chargeback", mixinStandardHelpOptions = true,
        description = {"A month's chargeback statement per cost centre: spend by team, principal and model, tokens and unit prices, shares of the",
                "unallocated and no-caller buckets with the rule used, adjustments of closed months, and totals that reconcile to the invoices.",
                "--close locks the month: later restatements of it are charged as adjustments on the next statement."})
final class ChargebackCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The billing period.")
    YearMonth month;

    @Option(names = "--by", paramLabel = "DIMENSION", description = "The allocation dimension to charge (default: chargeback.dimension, cost-center).")
    String by;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, csv, xlsx, html or json (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the statement to FILE (xlsx always needs a file: default chargeback-YYYY-MM-<dimension>.xlsx).")
    Path out;

    @Option(names = "--currency", paramLabel = "CODE", description = "Also show amounts in this currency (default: currency.display) at the dated rate of the config.")
    String currency;

    @Option(names = "--close", description = "Close (lock) the month after showing it.")
    boolean close;

    ChargebackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        FinanceSettings settings = context.finance(store);
        ChargebackService service = new ChargebackService(context.access(store), settings.sharedCosts(), settings.rates());
        String dimension = by == null || by.isBlank() ? settings.chargebackDimension() : by.strip();
        Statement statement = close ? service.close(month, dimension) : service.statement(month, dimension);
        Optional<String> display = Optional.ofNullable(currency).map(String::strip).filter(value -> !value.isEmpty()).or(settings::displayCurrency)
                .map(value -> value.toUpperCase(java.util.Locale.ROOT));
        Optional<ConvertedStatement> converted = display.filter(value -> !value.equals(statement.currency())).map(value -> service.convert(statement, value));
        if (format.equalsIgnoreCase("table")) {
            table(context.out(), statement, converted);
        } else {
            StatementFormat chosen = StatementFormat.parse(format);
            byte[] bytes = chosen == StatementFormat.JSON ? JSON.writeValueAsBytes(StatementJson.write(statement, converted)) : chosen.write(statement, converted);
            Path file = out != null ? out : chosen == StatementFormat.XLSX ? Path.of(chosen.fileName(statement)) : null;
            if (file == null) {
                context.out().write(bytes);
                context.out().flush();
            } else {
                try {
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot write %s: %s".formatted(file, e.getMessage()));
                }
                context.err().printf("wrote %s (%s %s, %d owners)%n", file, Numbers.money(statement.chargedTotal().add(statement.adjustmentTotal())), statement.currency(),
                        statement.owners().size());
            }
        }
        if (close) {
            context.err().printf("%s is closed for %s: later changes to it will be charged as adjustments on the next open month%n", month, dimension);
        }
        return 0;
    }

    private static void table(PrintStream out, Statement statement, Optional<ConvertedStatement> converted) {
        out.printf("Bedrock chargeback %s by %s (%s%s), %s%n%n", statement.month(), statement.dimension(), statement.currency(),
                converted.map(value -> ", also in %s at %s".formatted(value.currency(), value.rate().stripTrailingZeros().toPlainString())).orElse(""),
                statement.closedAt().map(at -> "CLOSED " + at).orElse("open"));
        out.printf("%-30s %14s %14s %14s %14s%s%n", "owner", "direct", "shared", "adjustments", "total", converted.map(value -> " %14s".formatted("total " + value.currency())).orElse(""));
        for (Statement.OwnerSummary owner : statement.summary()) {
            out.printf("%-30s %14s %14s %14s %14s%s%n", owner.owner(), Numbers.money(owner.direct()), Numbers.money(owner.sharedTotal()), Numbers.money(owner.adjustments()),
                    Numbers.money(owner.total()), converted.map(value -> " %14s".formatted(Numbers.money(value.total(statement, line -> line.owner().equals(owner.owner())))))
                            .orElse(""));
        }
        BigDecimal total = statement.chargedTotal().add(statement.adjustmentTotal());
        out.printf("%-30s %14s %14s %14s %14s%n%n", "total", "", "", Numbers.money(statement.adjustmentTotal()), Numbers.money(total));
        out.println("Before shared costs:");
        statement.before().forEach((owner, amount) -> out.printf("  %-28s %14s%n", owner, Numbers.money(amount)));
        out.println("Shared costs:");
        statement.pools().forEach(pool -> out.printf("  %-28s %14s  %s%n", pool.bucket(), Numbers.money(pool.amount()),
                pool.rule().map(rule -> rule.describe()).orElse("not split: nobody to charge")));
        statement.lines().stream().filter(line -> line.kind() == dev.spendlens.chargeback.LineKind.ADJUSTMENT).map(line -> line.detail()).distinct()
                .forEach(reason -> out.println("Adjustment: " + reason));
        out.println("Reconciliation:");
        statement.invoices().forEach(invoice -> out.printf("  invoice %-20s %14s%n", invoice.invoiceId().isEmpty() ? "(not yet issued)" : invoice.invoiceId(),
                Numbers.money(invoice.rounded())));
        out.printf("  %-28s %14s%n  %-28s %14s%n", "invoices", Numbers.money(statement.invoiceTotal()), "charged this month", Numbers.money(statement.chargedTotal()));
        out.println("(--format xlsx|csv|html|json for the lines by team, principal and model)");
    }
}
