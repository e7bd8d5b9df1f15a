package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import dev.spendlens.money.Apportionment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statement's amounts in a display currency, beside the billing currency. The month's rounded
 * invoice total is converted and rounded, then lines are rounded to it the same way as in the
 * billing currency, so that converted lines also add up.
 *
 * @param currency the display currency
 * @param rate billing currency -> display currency
 * @param rateDate the date of the rate used
 * @param amounts the rounded display amount of each line of the statement, in the statement's order
 */
public record ConvertedStatement(String currency, BigDecimal rate, LocalDate rateDate, List<BigDecimal> amounts) {
    public ConvertedStatement {
        requireNonNull(currency, "currency is null");
        requireNonNull(rate, "rate is null");
        requireNonNull(rateDate, "rateDate is null");
        amounts = List.copyOf(requireNonNull(amounts, "amounts is null"));
    }

    public static ConvertedStatement of(Statement statement, String currency, BigDecimal rate, LocalDate rateDate) {
        int scale = StatementBuilder.fractionDigits(currency);
        List<StatementLine> lines = statement.lines();
        BigDecimal chargedTarget = Apportionment.rounded(statement.chargedTotal().multiply(rate), scale);
        List<StatementLine> charged = StatementBuilder.roundCharged(lines, line -> line.amount().multiply(rate), chargedTarget, scale,
                (line, amount) -> line.withRounded(amount));
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            amounts.add(charged.get(i).rounded());
        }
        // Adjustments: each closed month's lines rounded to its converted rounded change.
        Map<Optional<java.time.YearMonth>, List<Integer>> byMonth = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() == LineKind.ADJUSTMENT) {
                byMonth.computeIfAbsent(lines.get(i).adjustedMonth(), ignored -> new ArrayList<>()).add(i);
            }
        }
        byMonth.values().forEach(indexes -> {
            BigDecimal target = Apportionment.rounded(indexes.stream().map(i -> lines.get(i).rounded()).reduce(BigDecimal.ZERO, BigDecimal::add).multiply(rate), scale);
            List<BigDecimal> converted = Apportionment.round(indexes.stream().map(i -> lines.get(i).amount().multiply(rate)).toList(), target, scale);
            for (int k = 0; k < indexes.size(); k++) {
                amounts.set(indexes.get(k), converted.get(k));
            }
        });
        return new ConvertedStatement(currency, rate, rateDate, amounts);
    }

    /** The converted rounded total of some lines, by their positions in the statement. */
    public BigDecimal total(Statement statement, java.util.function.Predicate<StatementLine> which) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < statement.lines().size(); i++) {
            if (which.test(statement.lines().get(i))) {
                total = total.add(amounts.get(i));
            }
        }
        return total;
    }
}
