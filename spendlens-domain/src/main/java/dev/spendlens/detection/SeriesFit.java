package dev.spendlens.detection;

import dev.spendlens.costquery.Granularity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One pass over one series. Each bucket is judged only against what came before it (so an anomaly
 * is found on the day it happens, as a daily run would find it):
 *
 * <ul>
 * <li>the baseline is a level (the median of the recent buckets, seasonally adjusted, moved along
 *     the recent trend) times the seasonal factor of the bucket's slot (weekday, or hour on working
 *     and rest days; holidays count as rest days);</li>
 * <li>the noise is the median absolute deviation of earlier log residuals, so one wild day does not
 *     widen it;</li>
 * <li>an anomalous bucket is replaced by its baseline in the history, so it does not pollute the
 *     baseline of the buckets after it; a rise that lasts becomes the new level (a level shift), and
 *     the history restarts there;</li>
 * <li>every week the level is also compared with six weeks before, which finds slow drifts.</li>
 * </ul>
 */
final class SeriesFit {
    private static final double PRIOR_NOISE = 0.3;
    private static final double PRIOR_WEIGHT = 5;
    private static final double NOISE_FLOOR = 0.05;
    private static final double MAX_TREND = 0.25;
    // Far enough in the past that "buckets since" never overflows.
    private static final int NEVER = -1_000_000;
    private static final int MIN_HOURLY_RUN = 3;

    private final TimeSeries series;
    private final SeasonalProfile profile;
    private final DetectionSettings settings;
    private final double newSeriesThreshold;
    private final double[] values;
    private final double[] cleaned;
    final double[] expected;
    private final int[] slots;
    private final double[] residuals;
    private int residualCount;
    private final double[] factors;
    private final int[] slotCounts;
    private final int[] slotFill;
    private final double[] scratch;
    // The seasonally adjusted value of each bucket under the current factors, refreshed with them.
    private final double[] adjustedCache;
    private int cachedFrom;
    private int cachedTo;
    // The per-bucket trend of the level, measured when the factors are refreshed.
    private double trend;
    // The sorted sliding window of the level, and which buckets and cache epoch it holds.
    private final double[] levelSorted;
    private final double[] levelRing;
    private int levelCount;
    private int levelFrom = -1;
    private int levelTo = -1;
    private int levelEpoch = -1;
    private int epoch;
    private double noise = PRIOR_NOISE;
    private double windowMean;
    private double epsilon;
    private final List<SeriesAnomaly> anomalies = new ArrayList<>();

    SeriesFit(TimeSeries series, SeasonalProfile profile, DetectionSettings settings, double newSeriesThreshold) {
        this.series = series;
        this.profile = profile;
        this.settings = settings;
        this.newSeriesThreshold = newSeriesThreshold;
        this.values = series.values();
        int n = values.length;
        this.cleaned = values.clone();
        this.expected = new double[n];
        java.util.Arrays.fill(expected, Double.NaN);
        this.slots = new int[n];
        LocalDateTime bucket = series.start();
        for (int index = 0; index < n; index++) {
            slots[index] = profile.slot(bucket);
            bucket = profile.granularity == Granularity.HOURLY ? bucket.plusHours(1) : bucket.plusDays(1);
        }
        this.residuals = new double[n];
        this.adjustedCache = new double[n];
        this.levelSorted = new double[profile.levelSpan + 1];
        this.levelRing = new double[profile.levelSpan];
        this.factors = new double[profile.slots];
        this.slotCounts = new int[profile.slots + 1];
        this.slotFill = new int[profile.slots + 1];
        this.scratch = new double[Math.max(profile.window, 2 * profile.levelSpan) + 1];
    }

    /** The noise of the log residuals at the end of the run (robust standard deviation of one bucket). */
    double noise() {
        return noise;
    }

    List<SeriesAnomaly> run() {
        int n = values.length;
        int first = 0;
        while (first < n && values[first] <= 0) {
            first++;
        }
        if (first == n) {
            return anomalies;
        }
        int regimeStart = first;
        if (first >= profile.leadingZeros) {
            regimeStart = newSeries(first);
        }
        int runStart = -1;
        int elevatedStart = -1;
        double elevatedExpected = 0;
        double elevatedActual = 0;
        double elevatedScore = 0;
        double runExpected = 0;
        double runActual = 0;
        double runScore = 0;
        int lastRefresh = NEVER;
        int lastDriftCheck = NEVER;
        for (int t = regimeStart; t < n; t++) {
            int history = t - regimeStart;
            if (history < profile.minimumHistory) {
                continue;
            }
            int from = Math.max(regimeStart, t - profile.window);
            if (t - lastRefresh >= profile.refresh || (history < 3 * profile.week() && t - lastRefresh >= 2)) {
                refreshFactors(from, t);
                refreshNoise();
                refreshTrend(regimeStart, t);
                lastRefresh = t;
            }
            double baseline = baseline(regimeStart, t);
            expected[t] = baseline;
            double value = values[t];
            double score = Math.log((value + epsilon) / (baseline + epsilon)) / noise;
            boolean material = value - baseline >= settings.minimumImpact() && value >= baseline * (1 + settings.minimumRatio());
            // Until two weeks of a pattern are known, a rise must be clearer.
            double needed = history < 2 * profile.week() ? settings.minimumScore() * 1.5 : settings.minimumScore();
            boolean anomalous = material && score >= needed && !monthly(t, value - baseline);
            // A step too small for any one bucket to stand out still shows as several elevated buckets in a row.
            boolean elevated = material && score >= settings.minimumScore() / 2 && !monthly(t, value - baseline);
            if (elevated) {
                if (elevatedStart < 0) {
                    elevatedStart = t;
                    elevatedExpected = 0;
                    elevatedActual = 0;
                    elevatedScore = 0;
                }
                elevatedExpected += baseline;
                elevatedActual += value;
                elevatedScore = Math.max(elevatedScore, score);
                int length = t - elevatedStart + 1;
                int shiftAfter = profile.granularity == Granularity.HOURLY ? Math.max(12, settings.levelShiftBuckets()) : settings.levelShiftBuckets();
                if (length >= shiftAfter && !growing(elevatedStart, t)) {
                    double before = level(regimeStart, elevatedStart);
                    anomalies.add(levelShift(elevatedStart, t, elevatedExpected, elevatedActual, elevatedScore, before));
                    System.arraycopy(values, elevatedStart, cleaned, elevatedStart, t - elevatedStart + 1);
                    regimeStart = elevatedStart;
                    runStart = -1;
                    elevatedStart = -1;
                    residualCount = 0;
                    lastRefresh = NEVER;
                    lastDriftCheck = NEVER;
                    continue;
                }
            } else {
                elevatedStart = -1;
            }
            if (anomalous) {
                if (runStart < 0) {
                    runStart = t;
                    runExpected = 0;
                    runActual = 0;
                    runScore = 0;
                }
                cleaned[t] = baseline;
                settle(t);
                runExpected += baseline;
                runActual += value;
                runScore = Math.max(runScore, score);
                continue;
            }
            if (runStart >= 0) {
                addBurst(runStart, t - 1, runExpected, runActual, runScore, false);
                runStart = -1;
            }
            settle(t);
            if (elevated) {
                // Not yet a step, not a spike: keep it out of the noise until it is clear which.
                continue;
            }
            residuals[residualCount++] = Math.log((value + epsilon) / (baseline + epsilon));
            if (profile.granularity == Granularity.DAILY && history >= 6 * profile.week() && t - lastDriftCheck >= 2 * profile.week()) {
                lastDriftCheck = t;
                int driftStart = drift(regimeStart, t);
                if (driftStart >= 0) {
                    // The drifted level is the new normal: learn from the recent weeks only.
                    regimeStart = Math.max(regimeStart, t + 1 - profile.levelSpan);
                    residualCount = 0;
                    lastRefresh = NEVER;
                }
            }
        }
        if (runStart >= 0) {
            addBurst(runStart, n - 1, runExpected, runActual, runScore, true);
        }
        return anomalies;
    }

    /**
     * A series that starts spending: judged on each bucket until its own baseline exists (a
     * runaway starting late in the evening spends little on its first day); returns where its own
     * history starts.
     */
    private int newSeries(int first) {
        double threshold = Math.max(settings.minimumImpact(), newSeriesThreshold);
        int last = Math.min(values.length - 1, first + profile.minimumHistory - 1);
        int heavy = -1;
        for (int index = first; index <= last && heavy < 0; index++) {
            if (threshold > 0 && values[index] >= threshold) {
                heavy = index;
            }
        }
        if (heavy < 0) {
            return first;
        }
        double actual = 0;
        for (int index = first; index <= last; index++) {
            actual += values[index];
        }
        boolean runaway = profile.granularity == Granularity.HOURLY && last - first >= 3 && growing(first, last);
        double score = settings.minimumScore() * values[heavy] / threshold;
        String explanation = String.format(Locale.ROOT,
                "No spend at all in the %d %ss before %s, then %.2f on %s: a new series, so the baseline is 0. That is %.1f times the new-series "
                        + "threshold of %.2f per %s (the typical spend of the established series of its monitor at the %.0fth percentile).",
                first, profile.bucketName, series.at(first), values[heavy], series.at(heavy), values[heavy] / threshold, threshold, profile.bucketName,
                settings.newSeriesShare() * 100);
        anomalies.add(new SeriesAnomaly(series.key(), runaway ? AnomalyKind.RUNAWAY : AnomalyKind.NEW_SERIES, first, last, series.at(first), series.at(last + 1),
                last == values.length - 1, 0, actual, score, explanation));
        return first;
    }

    private void refreshFactors(int from, int to) {
        int count = to - from;
        double mean = 0;
        for (int index = from; index < to; index++) {
            scratch[index - from] = cleaned[index];
            mean += cleaned[index];
        }
        mean = count > 0 ? mean / count : 0;
        windowMean = mean;
        // Sparse series (a person idle most days) have a median of 0: epsilon keeps their ratios finite.
        epsilon = 0.1 * mean + 1e-9;
        double overall = Medians.median(scratch, count);
        // One pass: values grouped by slot (a counting sort), then each slot's median.
        java.util.Arrays.fill(slotCounts, 0);
        for (int index = from; index < to; index++) {
            slotCounts[slots[index] + 1]++;
        }
        for (int slot = 0; slot < profile.slots; slot++) {
            slotCounts[slot + 1] += slotCounts[slot];
        }
        System.arraycopy(slotCounts, 0, slotFill, 0, slotCounts.length);
        // Raw values: a median shrugs off a few anomalies, and a pattern that only looked anomalous the first time (spend every Saturday) is learnt.
        for (int index = from; index < to; index++) {
            scratch[slotFill[slots[index]]++] = values[index];
        }
        for (int slot = 0; slot < profile.slots; slot++) {
            int first = slotCounts[slot];
            int same = slotCounts[slot + 1] - first;
            factors[slot] = same >= 2 ? (Medians.median(scratch, first, same) + epsilon) / (overall + epsilon) : Double.NaN;
        }
        for (int slot = 0; slot < profile.slots; slot++) {
            if (Double.isNaN(factors[slot])) {
                int fallback = profile.fallback(slot);
                factors[slot] = fallback >= 0 && !Double.isNaN(factors[fallback]) ? factors[fallback] : 1;
            }
        }
    }

    private void refreshNoise() {
        int count = Math.min(residualCount, profile.noiseSpan);
        if (count == 0) {
            noise = PRIOR_NOISE;
            return;
        }
        System.arraycopy(residuals, residualCount - count, scratch, 0, count);
        double center = Medians.median(scratch, count);
        for (int index = 0; index < count; index++) {
            scratch[index] = Math.abs(residuals[residualCount - count + index] - center);
        }
        double meanAbsolute = 0;
        for (int index = 0; index < count; index++) {
            meanAbsolute += scratch[index];
        }
        meanAbsolute /= count;
        // The MAD collapses to 0 when most buckets are 0 and stay 0 (a person idle most hours); the mean absolute deviation does not.
        double robust = Math.max(1.4826 * Medians.median(scratch, count), 0.8 * 1.2533 * meanAbsolute);
        double blended = Math.sqrt((PRIOR_WEIGHT * PRIOR_NOISE * PRIOR_NOISE + count * robust * robust) / (PRIOR_WEIGHT + count));
        noise = Math.max(NOISE_FLOOR, blended);
    }

    /** The seasonally adjusted value of a bucket, on the scale of the overall median. */
    private double adjusted(int index) {
        return (cleaned[index] + epsilon) / factors[slots[index]] - epsilon;
    }

    /** The median adjusted value over {@code [from, to)}. */
    private double medianAdjusted(int from, int to) {
        int count = 0;
        for (int index = from; index < to; index++) {
            scratch[count++] = cachedAdjusted(index);
        }
        return Medians.median(scratch, count);
    }

    // Adjusted values are cached for the buckets seen since the last refresh; a cleaned bucket is re-read.
    private double cachedAdjusted(int index) {
        if (index >= cachedFrom && index < cachedTo) {
            return adjustedCache[index];
        }
        return adjusted(index);
    }

    private void refreshTrend(int regimeStart, int t) {
        int span = profile.levelSpan;
        cachedFrom = Math.max(regimeStart, t - Math.max(profile.window, 2 * span));
        for (int index = cachedFrom; index < t; index++) {
            adjustedCache[index] = adjusted(index);
        }
        cachedTo = t;
        epoch++;
        trend = 0;
        if (t - regimeStart >= 2 * span) {
            double level = medianAdjusted(t - span, t);
            double older = medianAdjusted(t - 2 * span, t - span);
            trend = (level - older) / span;
        }
    }

    /** Called once a bucket's cleaned value is final, so the cache covers it. */
    private void settle(int t) {
        if (t == cachedTo) {
            adjustedCache[t] = adjusted(t);
            cachedTo = t + 1;
        }
    }

    /**
     * The median adjusted value of the last level span before {@code t}. Kept as a sorted sliding
     * window: moving on by one bucket removes one value and inserts one, instead of sorting again.
     */
    private double level(int regimeStart, int t) {
        int span = profile.levelSpan;
        int from = Math.max(regimeStart, t - span);
        boolean slides = levelEpoch == epoch && levelTo == t - 1 && (from == levelFrom || from == levelFrom + 1) && levelTo > levelFrom;
        if (!slides) {
            levelCount = 0;
            for (int index = from; index < t; index++) {
                double value = cachedAdjusted(index);
                levelRing[index % span] = value;
                insertLevel(value);
            }
        } else {
            if (from == levelFrom + 1) {
                removeLevel(levelRing[levelFrom % span]);
            }
            double value = cachedAdjusted(t - 1);
            levelRing[(t - 1) % span] = value;
            insertLevel(value);
        }
        levelFrom = from;
        levelTo = t;
        levelEpoch = epoch;
        if (levelCount == 0) {
            return 0;
        }
        int middle = levelCount / 2;
        return levelCount % 2 == 1 ? levelSorted[middle] : (levelSorted[middle - 1] + levelSorted[middle]) / 2;
    }

    private void insertLevel(double value) {
        int index = levelCount - 1;
        while (index >= 0 && levelSorted[index] > value) {
            levelSorted[index + 1] = levelSorted[index];
            index--;
        }
        levelSorted[index + 1] = value;
        levelCount++;
    }

    private void removeLevel(double value) {
        int index = 0;
        while (index < levelCount && Double.compare(levelSorted[index], value) != 0) {
            index++;
        }
        if (index == levelCount) {
            throw new IllegalStateException("level window lost a value");
        }
        System.arraycopy(levelSorted, index + 1, levelSorted, index, levelCount - index - 1);
        levelCount--;
    }

    private double baseline(int regimeStart, int t) {
        int span = profile.levelSpan;
        double level = level(regimeStart, t);
        if (t - regimeStart >= 2 * span) {
            // The recent median sits half a span back: move it along the trend to today.
            double shift = trend * (span + 1) / 2.0;
            double limit = MAX_TREND * Math.abs(level);
            level += Math.max(-limit, Math.min(limit, shift));
        }
        return Math.max(0, (Math.max(0, level) + epsilon) * factors[slots[t]] - epsilon);
    }

    /**
     * Whether a daily rise repeats one of the same day a month before (a monthly fee, a monthly
     * batch job): a pattern, not an anomaly.
     */
    private boolean monthly(int t, double rise) {
        if (profile.granularity != Granularity.DAILY) {
            return false;
        }
        LocalDateTime day = series.at(t);
        int before = t - (int) java.time.temporal.ChronoUnit.DAYS.between(day.minusMonths(1), day);
        if (before < 0) {
            return false;
        }
        double earlier = Double.isNaN(expected[before]) ? 0 : expected[before];
        return values[before] - earlier >= 0.5 * rise;
    }

    /** Whether the values rise bucket after bucket over the span, as a runaway's do. */
    private boolean growing(int from, int to) {
        if (profile.granularity != Granularity.HOURLY || to - from < 3) {
            return false;
        }
        int rises = 0;
        for (int index = from + 1; index <= to; index++) {
            if (values[index] > values[index - 1]) {
                rises++;
            }
        }
        return rises >= 0.75 * (to - from) && values[to] >= 2 * values[from];
    }

    /** Compares the recent level with six weeks before; records a drift and returns its start, or -1. */
    private int drift(int regimeStart, int t) {
        int week = profile.week();
        double recent = medianAdjusted(t + 1 - 2 * week, t + 1);
        double old = medianAdjusted(t + 1 - 6 * week, t + 1 - 4 * week);
        if (old <= 0 || recent < old * (1 + settings.driftRatio())) {
            return -1;
        }
        // The median of 14 log residuals has a standard error of about 1.25 noise / sqrt(14); two such medians differ.
        double significance = Math.log((recent + epsilon) / (old + epsilon)) / (noise * 1.25 * Math.sqrt(2.0 / (2 * week)));
        if (significance < settings.minimumScore() || (recent - old) < settings.minimumImpact()) {
            return -1;
        }
        int start = t + 1 - 6 * week;
        double halfway = old * (1 + settings.driftRatio() / 4);
        while (start < t - week && medianAdjusted(start, start + week) < halfway) {
            start++;
        }
        double expectedSum = 0;
        double actual = 0;
        for (int index = start; index <= t; index++) {
            expectedSum += Math.max(0, (old + epsilon) * factors[slots[index]] - epsilon);
            actual += values[index];
        }
        String explanation = String.format(Locale.ROOT,
                "The seasonally adjusted level climbed from %.2f per day (median of the weeks 4 to 6 before %s) to %.2f (median of the last two weeks), "
                        + "%.0f%% up, more than the %.0f%% a slow drift needs; no single day stood out. The climb started about %s; the baseline is the "
                        + "earlier level with this weekday's factor.",
                old, series.at(t).toLocalDate(), recent, (recent / old - 1) * 100, settings.driftRatio() * 100, series.at(start).toLocalDate());
        anomalies.add(new SeriesAnomaly(series.key(), AnomalyKind.DRIFT, start, t, series.at(start), series.at(t + 1), true, expectedSum, actual, significance,
                explanation));
        return start;
    }

    private void addBurst(int from, int to, double expectedSum, double actual, double score, boolean ongoing) {
        // One hour above its usual is noise at that grain: an hourly anomaly must last a few hours (a runaway, a burst).
        if (profile.granularity == Granularity.HOURLY && to - from + 1 < MIN_HOURLY_RUN) {
            return;
        }
        // Nor is a rise that does not move the day: an hourly anomaly must add the minimum rise of a typical day's spend.
        if (profile.granularity == Granularity.HOURLY && actual - expectedSum < settings.minimumRatio() * windowMean * 24) {
            return;
        }
        anomalies.add(burst(from, to, expectedSum, actual, score, ongoing));
    }

    private SeriesAnomaly burst(int from, int to, double expectedSum, double actual, double score, boolean ongoing) {
        AnomalyKind kind = growing(from, to) ? AnomalyKind.RUNAWAY : AnomalyKind.SPIKE;
        String explanation = "Expected " + Decimal.fixed(expectedSum, 2) + " over " + (to - from + 1) + " " + profile.bucketName + (to > from ? "s" : "")
                + " from " + series.at(from) + " (" + baselineWords(from) + "), got " + Decimal.fixed(actual, 2) + ". "
                + capitalized(ScoreMeaning.describe(score, profile.bucketName)) + "."
                + (kind == AnomalyKind.RUNAWAY ? " Spend rose " + profile.bucketName + " after " + profile.bucketName + "." : "");
        return new SeriesAnomaly(series.key(), kind, from, to, series.at(from), series.at(to + 1), ongoing, expectedSum, actual, score, explanation);
    }

    private SeriesAnomaly levelShift(int from, int to, double expectedSum, double actual, double score, double before) {
        int n = values.length;
        double after = 0;
        for (int index = from; index <= to; index++) {
            after += values[index];
        }
        after /= to - from + 1;
        // Still shifted when the recent buckets sit as high as the step's own.
        double recent = 0;
        int span = Math.min(profile.levelSpan, n - from);
        for (int index = n - span; index < n; index++) {
            recent += values[index];
        }
        recent /= span;
        boolean ongoing = recent >= Math.max(0, before) * (1 + settings.minimumRatio());
        String explanation = String.format(Locale.ROOT,
                "Spend stepped up from a level of about %.2f per %s to about %.2f on %s and stayed there for %d %ss: a level shift. Expected %.2f over "
                        + "those %ss (%s), got %.2f. %s. From then on the new level is the baseline.",
                before, profile.bucketName, after, series.at(from), to - from + 1, profile.bucketName, expectedSum, profile.bucketName, baselineWords(from), actual,
                capitalized(ScoreMeaning.describe(score, profile.bucketName)));
        return new SeriesAnomaly(series.key(), AnomalyKind.LEVEL_SHIFT, from, to, series.at(from), series.at(to + 1), ongoing, expectedSum, actual, score,
                explanation);
    }

    private String baselineWords(int at) {
        String slot = switch (profile.granularity) {
            case DAILY -> slots[at] == 7 ? "a holiday, treated as a Sunday" : "a " + series.at(at).getDayOfWeek().toString().charAt(0)
                    + series.at(at).getDayOfWeek().toString().substring(1).toLowerCase(Locale.ROOT);
            case HOURLY -> "hour " + series.at(at).getHour() + (slots[at] >= 24 ? " of a rest day" : " of a working day");
            case MONTHLY -> "";
        };
        return "the baseline: the median of the last " + profile.levelSpan + " " + profile.bucketName + "s, seasonally adjusted and moved along their trend, times "
                + Decimal.fixed(factors[slots[at]], 2) + " for " + slot + ", with the noise of the last " + profile.noiseSpan + " normal " + profile.bucketName + "s";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
