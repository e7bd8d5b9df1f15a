package dev.spendlens.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A lasting change of level in a daily series (a new workload, a stopped one, a price change):
 * the day it started and the level before and after, found on the weekday-adjusted series of the
 * last eight weeks. A model fitted across such a break forecasts somewhere between the old level
 * and the new one for weeks; {@link #adjust} shifts the days before the break to the new level,
 * so that every model sees one regime from three days after the break on, and still has weeks of
 * history to estimate the weekly pattern and the trend from.
 *
 * @param day the index of the first day at the new level
 * @param before the weekday-adjusted median level of the four weeks before the break
 * @param after the weekday-adjusted median level since the break
 */
record LevelShift(int day, double before, double after) {
    private static final int SEASON = ForecastMethod.SEASON;
    /** How far back a break is looked for: the longest window a model fits on. */
    static final int WINDOW = 8 * SEASON;
    /** Fewer days at a new level are a spike, not a shift (spikes and runaways last one or two days). */
    static final int MIN_DAYS_AFTER = 3;
    private static final double MIN_Z = 5;
    private static final double MIN_RELATIVE = 0.2;
    private static final double MIN_SAME_SIDE = 0.8;

    /**
     * The breaks of the last eight weeks that stand out from the noise, oldest first. A break
     * must hold for at least three days (a spike or a runaway lasts one or two), change the
     * median level by at least a fifth and by five standard errors of the medians, and leave at
     * least four in five of the days since on the new side of the midpoint.
     */
    static List<LevelShift> find(double[] history) {
        int n = history.length;
        int length = Math.min(n, WINDOW);
        List<LevelShift> shifts = new ArrayList<>();
        if (length < 2 * SEASON) {
            return shifts;
        }
        int offset = n - length;
        double[] y = Arrays.copyOfRange(history, offset, n);
        // A new workload adds an amount to every day, a scaled one multiplies every day: the weekdays are taken out both
        // ways, and a break counts when it stands out in either.
        Adjusted[] views = {Adjusted.multiplicative(y), Adjusted.additive(y)};
        int from = 0;
        while (true) {
            Candidate best = null;
            for (Adjusted view : views) {
                Optional<Candidate> candidate = strongest(view, from);
                if (candidate.isPresent() && (best == null || candidate.get().z() > best.z())) {
                    best = candidate.get();
                }
            }
            if (best == null) {
                return shifts;
            }
            LevelShift shift = new LevelShift(offset + best.day(), best.before(), best.after());
            shifts.add(shift);
            // Look again after this break: a later, smaller one (a second newcomer) is what the forecast must follow.
            from = best.day();
        }
    }

    /** The last weeks with the weekdays taken out, and which days say something about the level. */
    private record Adjusted(double[] values, boolean[] usable, double noise) {
        static Adjusted multiplicative(double[] y) {
            double[] index = WeeklyIndex.multiplicative(y);
            double[] values = new double[y.length];
            boolean[] usable = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                double factor = index[i % SEASON];
                // Weekdays with almost no spend say nothing about the level once divided by their tiny factor.
                usable[i] = factor >= 0.25;
                values[i] = usable[i] ? y[i] / factor : 0;
            }
            return new Adjusted(values, usable, LevelShift.noise(values, usable));
        }

        static Adjusted additive(double[] y) {
            double[] index = WeeklyIndex.additive(y);
            double[] values = new double[y.length];
            boolean[] usable = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                values[i] = y[i] - index[i % SEASON];
                usable[i] = true;
            }
            return new Adjusted(values, usable, LevelShift.noise(values, usable));
        }
    }

    private record Candidate(int day, double before, double after, double z) {}

    // The break with the largest z-score among those from a week after {@code from} on.
    private static Optional<Candidate> strongest(Adjusted view, int from) {
        double[] adjusted = view.values();
        boolean[] usable = view.usable();
        int length = adjusted.length;
        Candidate best = null;
        for (int b = from + SEASON; b <= length - MIN_DAYS_AFTER; b++) {
            double[] before = values(adjusted, usable, Math.max(from, b - 4 * SEASON), b);
            double[] after = values(adjusted, usable, b, length);
            if (before.length < SEASON / 2 || after.length < MIN_DAYS_AFTER - 1) {
                continue;
            }
            double levelBefore = SeasonalTrend.median(before);
            double levelAfter = SeasonalTrend.median(after);
            double change = levelAfter - levelBefore;
            double reference = Math.max(Math.abs(levelBefore), Math.abs(levelAfter));
            if (reference <= 0 || Math.abs(change) < MIN_RELATIVE * reference) {
                continue;
            }
            double noise = Math.max(view.noise(), 1e-9 * reference);
            double z = Math.abs(change) / (1.2533 * noise * Math.sqrt(1.0 / before.length + 1.0 / after.length));
            if (z < MIN_Z || (best != null && z <= best.z())) {
                continue;
            }
            double middle = (levelBefore + levelAfter) / 2;
            int sameSide = 0;
            for (double value : after) {
                sameSide += change > 0 ? (value > middle ? 1 : 0) : (value < middle ? 1 : 0);
            }
            if (sameSide < MIN_SAME_SIDE * after.length) {
                continue;
            }
            best = new Candidate(firstDayAtNewLevel(adjusted, usable, b, middle, change > 0), levelBefore, levelAfter, z);
        }
        return Optional.ofNullable(best);
    }

    /*
     * A break found a day early (the medians barely notice one old day among the new ones) would have the days before it
     * moved by what that old day did not add: the break starts at the first day on the new side of the midpoint.
     */
    private static int firstDayAtNewLevel(double[] adjusted, boolean[] usable, int day, double middle, boolean up) {
        int first = day;
        while (first < adjusted.length - MIN_DAYS_AFTER && (!usable[first] || (up ? adjusted[first] <= middle : adjusted[first] >= middle))) {
            first++;
        }
        return first;
    }

    /**
     * The history as if every break had always been there: the days before each break, oldest
     * break first, get what the days after it added to the same weekday before it, or are
     * multiplied by the factor it multiplied them by, whichever fits the days after the break
     * better (medians over those days). A new workload adds an amount, weekends included; a
     * scaled one (twice the traffic, a price change) multiplies.
     */
    static double[] adjust(double[] history, List<LevelShift> shifts) {
        double[] adjusted = history.clone();
        boolean nonNegative = ForecastMethod.nonNegative(history);
        for (LevelShift shift : shifts) {
            int day = shift.day();
            int after = adjusted.length - day;
            double[] actuals = new double[after];
            double[] bases = new double[after];
            int count = 0;
            for (int t = day; t < adjusted.length; t++) {
                double[] same = new double[4];
                int found = 0;
                int other = t - SEASON;
                while (other >= day) {
                    other -= SEASON;
                }
                for (; other >= 0 && found < 4; other -= SEASON) {
                    same[found++] = adjusted[other];
                }
                if (found > 0) {
                    actuals[count] = adjusted[t];
                    bases[count] = SeasonalTrend.median(Arrays.copyOf(same, found));
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            double[] increments = new double[count];
            double[] factors = new double[count];
            int positive = 0;
            for (int i = 0; i < count; i++) {
                increments[i] = actuals[i] - bases[i];
                if (bases[i] > 0) {
                    factors[positive++] = actuals[i] / bases[i];
                }
            }
            double increment = SeasonalTrend.median(increments);
            double factor = positive == count ? SeasonalTrend.median(factors) : Double.NaN;
            boolean multiply = !Double.isNaN(factor) && misfit(actuals, bases, 0, factor, count) < misfit(actuals, bases, increment, 1, count);
            for (int i = 0; i < day; i++) {
                double value = multiply ? adjusted[i] * factor : adjusted[i] + increment;
                // Spend that stopped must not leave negative days behind in a series that never had any.
                adjusted[i] = nonNegative ? Math.max(0, value) : value;
            }
        }
        return adjusted;
    }

    // How far the days after a break are from their weekday before it, moved by an amount and a factor.
    private static double misfit(double[] actuals, double[] bases, double increment, double factor, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.abs(actuals[i] - (bases[i] * factor + increment));
        }
        return sum;
    }

    // Day-to-day changes are unmoved by a shift: their robust spread, over the square root of 2, is the noise of one day.
    private static double noise(double[] adjusted, boolean[] usable) {
        double[] changes = new double[adjusted.length];
        int count = 0;
        for (int i = 1; i < adjusted.length; i++) {
            if (usable[i] && usable[i - 1]) {
                changes[count++] = Math.abs(adjusted[i] - adjusted[i - 1]);
            }
        }
        return count == 0 ? 0 : 1.4826 * SeasonalTrend.median(Arrays.copyOf(changes, count)) / Math.sqrt(2);
    }

    private static double[] values(double[] adjusted, boolean[] usable, int from, int to) {
        double[] values = new double[to - from];
        int count = 0;
        for (int i = from; i < to; i++) {
            if (usable[i]) {
                values[count++] = adjusted[i];
            }
        }
        return Arrays.copyOf(values, count);
    }
}
