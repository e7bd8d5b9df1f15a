package dev.spendlens.budget;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How long a budget's amount lasts before it starts again: calendar months, quarters or years. */
public enum BudgetPeriod {
    MONTHLY(1),
    QUARTERLY(3),
    ANNUAL(12);

    private final int months;

    BudgetPeriod(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        int month = (day.getMonthValue() - 1) / months * months + 1;
        return LocalDate.of(day.getYear(), month, 1);
    }

    /** The day after the period starting on {@code start}. */
    public LocalDate end(LocalDate start) {
        return start.plusMonths(months);
    }

    /** The calendar months of the period starting on {@code start}. */
    public List<YearMonth> monthsOf(LocalDate start) {
        List<YearMonth> list = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            list.add(YearMonth.from(start).plusMonths(i));
        }
        return list;
    }

    public static BudgetPeriod parse(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        for (BudgetPeriod period : values()) {
            if (period.name().equals(wanted) || (period == ANNUAL && wanted.equals("YEARLY"))) {
                return period;
            }
        }
        throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "budget period '%s' is not one of MONTHLY, QUARTERLY, ANNUAL".formatted(text));
    }
}
