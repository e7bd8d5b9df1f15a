package dev.spendlens.forecast;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Charges that AWS posts on the first day of each month (sales tax on the month's usage,
 * promotional credits, subscription and support fees): a spike, or a dip for a credit, that no
 * weekly model foresees, and that a seasonal naive forecast repeats a week later. When the last
 * month starts all stood out from their ordinary weekday by far more than day-to-day noise, in
 * the same direction, the extra amount is taken out of the history before the weekly models see
 * it and added back on the first day of each forecast month, in proportion to the level of spend
 * (tax grows with usage).
 */
final class MonthStartCharges {
    private static final int SEASON = ForecastMethod.SEASON;
    /** How far a month start must stand out, in robust standard deviations of ordinary days' deviations. */
    private static final double SIGNIFICANCE = 4;
    /** Month starts whose relative extra is averaged for the forecast. */
    private static final int RECENT_MONTHS = 3;

    private static final MonthStartCharges NONE = new MonthStartCharges(0, false);

    private final double share;
    private final boolean present;

    private MonthStartCharges(double share, boolean present) {
        this.share = share;
        this.present = present;
    }

    /** No month-start charges. */
    static MonthStartCharges none() {
        return NONE;
    }

    /** Whether month starts carry an extra charge. */
    boolean present() {
        return present;
    }

    /** The extra of a month start as a share of the mean daily spend of the four weeks before it. */
    double share() {
        return share;
    }

    /**
     * Finds month-start charges in {@code history} (day 0 is {@code start}) and, when there are
     * some, takes them out of {@code history} in place.
     */
    static MonthStartCharges removeFrom(LocalDate start, double[] history) {
        int n = history.length;
        int first = firstMonthStart(start, SEASON);
        int count = 0;
        for (int day = first; day < n; day = nextMonthStart(start, day)) {
            count++;
        }
        if (count < 2) {
            return NONE;
        }
        int[] days = new int[count];
        double[] extras = new double[count];
        int index = 0;
        for (int day = first; day < n; day = nextMonthStart(start, day)) {
            days[index] = day;
            extras[index] = history[day] - ordinary(history, day);
            index++;
        }
        double noise = noise(history, start);
        double last = extras[count - 1];
        double before = extras[count - 2];
        boolean sameSign = Math.signum(last) == Math.signum(before) && last != 0;
        if (!sameSign || Math.abs(last) <= SIGNIFICANCE * noise || Math.abs(before) <= SIGNIFICANCE * noise) {
            return NONE;
        }
        double shareSum = 0;
        int shares = 0;
        for (int k = count - 1; k >= 0 && shares < RECENT_MONTHS; k--) {
            if (Math.signum(extras[k]) != Math.signum(last)) {
                break;
            }
            double level = levelBefore(history, days[k]);
            if (level > 0) {
                shareSum += extras[k] / level;
                shares++;
            }
        }
        for (int k = 0; k < count; k++) {
            if (Math.signum(extras[k]) == Math.signum(last)) {
                history[days[k]] -= extras[k];
            }
        }
        return shares == 0 ? NONE : new MonthStartCharges(shareSum / shares, true);
    }

    /** Adds the expected charge to the forecast days (day 0 is {@code from}) that start a month. */
    void addTo(double[] forecast, LocalDate from, double[] cleanedHistory) {
        if (!present) {
            return;
        }
        double amount = share * levelBefore(cleanedHistory, cleanedHistory.length);
        for (int day = firstMonthStart(from, 0); day < forecast.length; day = nextMonthStart(from, day)) {
            forecast[day] += amount;
        }
    }

    // The same weekday in the two weeks before and after: what the day would have been without the charge.
    private static double ordinary(double[] history, int day) {
        double[] neighbours = new double[4];
        int count = 0;
        for (int offset : new int[] {-14, -7, 7, 14}) {
            int other = day + offset;
            if (other >= 0 && other < history.length) {
                neighbours[count++] = history[other];
            }
        }
        return SeasonalTrend.median(Arrays.copyOf(neighbours, count));
    }

    // The robust spread of ordinary days around the same weekday of neighbouring weeks, over the last eight weeks.
    private static double noise(double[] history, LocalDate start) {
        int n = history.length;
        int from = Math.max(SEASON, n - 8 * SEASON);
        double[] deviations = new double[n - from];
        int count = 0;
        for (int day = from; day < n; day++) {
            if (start.plusDays(day).getDayOfMonth() != 1) {
                deviations[count++] = Math.abs(history[day] - ordinary(history, day));
            }
        }
        return count == 0 ? 0 : 1.4826 * SeasonalTrend.median(Arrays.copyOf(deviations, count));
    }

    private static double levelBefore(double[] history, int end) {
        int from = Math.max(0, end - 4 * SEASON);
        double sum = 0;
        for (int day = from; day < end; day++) {
            sum += history[day];
        }
        return end > from ? sum / (end - from) : 0;
    }

    private static int firstMonthStart(LocalDate start, int notBefore) {
        LocalDate date = start.plusDays(notBefore);
        if (date.getDayOfMonth() == 1) {
            return notBefore;
        }
        return notBefore + (int) (date.withDayOfMonth(1).plusMonths(1).toEpochDay() - date.toEpochDay());
    }

    private static int nextMonthStart(LocalDate start, int day) {
        return day + start.plusDays(day).lengthOfMonth();
    }
}
