package dev.spendlens.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A history made ready for the weekly models, as the {@link Forecaster} does for the last day and
 * for every backtest origin alike: month-start charges taken out ({@link MonthStartCharges}) and
 * the days before recent level shifts brought to the new level ({@link LevelShift}). Forecasts
 * made on it get the month-start charges back and never go below 0 for spend that never did.
 */
final class PreparedHistory {
    private static final int SEASON = ForecastMethod.SEASON;
    private static final int EIGHT_WEEKS = 8 * SEASON;
    /** The share of zero days on usually active weekdays above which spend counts as intermittent. */
    private static final double INTERMITTENT_ZEROS = 0.15;

    private final double[] values;
    private final MonthStartCharges charges;
    private final List<LevelShift> shifts;
    private final LocalDate next;
    private final boolean nonNegative;
    private final boolean intermittent;

    private PreparedHistory(double[] values, MonthStartCharges charges, List<LevelShift> shifts, LocalDate next, boolean nonNegative,
            boolean intermittent) {
        this.values = values;
        this.charges = charges;
        this.shifts = shifts;
        this.next = next;
        this.nonNegative = nonNegative;
        this.intermittent = intermittent;
    }

    /** Prepares {@code history}, whose first value is the spend of {@code start}. */
    static PreparedHistory of(LocalDate start, double[] history) {
        double[] cleaned = history.clone();
        MonthStartCharges charges = MonthStartCharges.removeFrom(start, cleaned);
        boolean intermittent = intermittent(cleaned);
        // Spend that comes and goes has no level to shift: its zeros are its pattern.
        List<LevelShift> shifts = intermittent ? List.of() : LevelShift.find(cleaned);
        return new PreparedHistory(LevelShift.adjust(cleaned, shifts), charges, List.copyOf(shifts), start.plusDays(history.length),
                ForecastMethod.nonNegative(history), intermittent);
    }

    /**
     * Whether spend comes and goes: over the last eight weeks, no weekday usually has spend, or the
     * weekdays that usually do (in most weeks) lack it on more than 15% of their days (a holiday or two is not enough). Spend
     * only on working days, or only on Mondays, is regular: its zeros fall on the same weekdays.
     */
    static boolean intermittent(double[] values) {
        int n = values.length;
        int length = Math.min(n, EIGHT_WEEKS);
        if (length < SEASON) {
            return false;
        }
        int activeDays = 0;
        int activeZeros = 0;
        boolean spend = false;
        for (int day = 0; day < SEASON; day++) {
            int occurrences = 0;
            int nonZero = 0;
            for (int i = n - length + day; i < n; i += SEASON) {
                occurrences++;
                nonZero += values[i] != 0 ? 1 : 0;
            }
            spend |= nonZero > 0;
            if (2 * nonZero > occurrences) {
                activeDays += occurrences;
                activeZeros += occurrences - nonZero;
            }
        }
        if (activeDays == 0) {
            return spend;
        }
        return activeZeros > INTERMITTENT_ZEROS * activeDays;
    }

    /** Whether the history's spend comes and goes ({@link #intermittent(double[])}). */
    boolean intermittent() {
        return intermittent;
    }

    /** The forecast of the {@code horizon} days after the history by {@code method}. */
    double[] forecast(ForecastMethod method, int horizon) {
        double[] forecast = method.forecast(values, horizon);
        charges.addTo(forecast, next, values);
        if (nonNegative) {
            for (int day = 0; day < horizon; day++) {
                forecast[day] = Math.max(0, forecast[day]);
            }
        }
        return forecast;
    }

    MonthStartCharges charges() {
        return charges;
    }

    List<LevelShift> shifts() {
        return shifts;
    }
}
