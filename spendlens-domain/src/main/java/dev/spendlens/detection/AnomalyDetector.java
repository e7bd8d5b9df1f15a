package dev.spendlens.detection;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Spendlens's detector (see {@link SeriesFit} for how one series is judged). Series are judged
 * together, as a monitor's: a new series must spend like the monitor's big established series from
 * its first bucket, and a new series in a group (a new session of a role) only counts when the
 * group as a whole spends more than its baseline, since agents and containers rename their
 * sessions every few days without spending more. Deterministic: the same series give the same
 * anomalies.
 */
public final class AnomalyDetector implements Detector {
    private static final int ESTABLISHED_BUCKETS = 14;
    private static final int MIN_ESTABLISHED_SERIES = 5;

    private final DetectionSettings settings;
    private final HolidayCalendar holidays;

    public AnomalyDetector(DetectionSettings settings, HolidayCalendar holidays) {
        this.settings = requireNonNull(settings, "settings is null");
        this.holidays = requireNonNull(holidays, "holidays is null");
    }

    @Override
    public String name() {
        return "spendlens";
    }

    /** One series on its own: any new series that spends at least the minimum impact counts. */
    public List<SeriesAnomaly> detect(TimeSeries series) {
        return new SeriesFit(series, SeasonalProfile.of(series.granularity(), holidays), settings, 0).run();
    }

    @Override
    public List<SeriesAnomaly> detect(List<TimeSeries> series) {
        double threshold = newSeriesThreshold(series);
        List<List<SeriesAnomaly>> found = IntStream.range(0, series.size()).parallel()
                .mapToObj(index -> new SeriesFit(series.get(index), SeasonalProfile.of(series.get(index).granularity(), holidays), settings, threshold).run())
                .toList();
        Map<String, GroupBaseline> groups = groups(series);
        List<SeriesAnomaly> anomalies = new ArrayList<>();
        for (int index = 0; index < series.size(); index++) {
            TimeSeries one = series.get(index);
            for (SeriesAnomaly anomaly : found.get(index)) {
                // A session that comes and goes (agents and containers rename theirs every few days) counts only if its group (its role) spends more too.
                boolean appearance = anomaly.expected() <= 0.1 * anomaly.actual() || intermittent(one.values());
                if (appearance && one.group().isPresent() && !groups.get(one.group().get()).rose(one.values(), anomaly)) {
                    continue;
                }
                anomalies.add(anomaly);
            }
        }
        return anomalies;
    }

    /** Whether the series spends in fewer than 60 % of its buckets since it first spent: a rotating session, not a steady caller. */
    private static boolean intermittent(double[] values) {
        int first = 0;
        while (first < values.length && values[first] <= 0) {
            first++;
        }
        int active = 0;
        for (int index = first; index < values.length; index++) {
            if (values[index] > 0) {
                active++;
            }
        }
        return active < 0.6 * (values.length - first);
    }

    /** The typical bucket of the established series at the configured quantile. */
    private double newSeriesThreshold(List<TimeSeries> series) {
        double[] typical = new double[series.size()];
        int count = 0;
        for (TimeSeries one : series) {
            double[] values = one.values();
            int first = 0;
            while (first < values.length && values[first] <= 0) {
                first++;
            }
            if (values.length - first < ESTABLISHED_BUCKETS || first > 0) {
                continue;
            }
            double[] copy = java.util.Arrays.copyOfRange(values, first, values.length);
            typical[count++] = Medians.median(copy, copy.length);
        }
        return count < MIN_ESTABLISHED_SERIES ? 0 : Medians.quantile(typical, count, settings.newSeriesShare());
    }

    /** Sums the series of each group and fits the sums, to tell a renamed session from new spend. */
    private Map<String, GroupBaseline> groups(List<TimeSeries> series) {
        Map<String, List<TimeSeries>> members = new LinkedHashMap<>();
        for (TimeSeries one : series) {
            one.group().ifPresent(group -> members.computeIfAbsent(group, key -> new ArrayList<>()).add(one));
        }
        Map<String, GroupBaseline> baselines = new LinkedHashMap<>();
        members.forEach((group, list) -> {
            TimeSeries first = list.get(0);
            double[] sum = new double[first.size()];
            for (TimeSeries member : list) {
                double[] values = member.values();
                for (int index = 0; index < sum.length && index < values.length; index++) {
                    sum[index] += values[index];
                }
            }
            TimeSeries total = new TimeSeries("group:" + group, first.granularity(), first.start(), sum, java.util.Optional.empty());
            SeriesFit fit = new SeriesFit(total, SeasonalProfile.of(first.granularity(), holidays), settings, 0);
            fit.run();
            baselines.put(group, new GroupBaseline(sum, fit.expected, fit.noise(), settings.minimumScore() / 2,
                    first.granularity() == dev.spendlens.costquery.Granularity.HOURLY));
        });
        return baselines;
    }

    /**
     * A group's spend, the baseline it was expected to keep, and the noise of its log residuals.
     *
     * @param significance how many of the group's noise the member's rise must reach at the group's scale (an "elevated" score)
     */
    private record GroupBaseline(double[] values, double[] expected, double noise, double significance, boolean hourly) {
        /**
         * Whether, on the buckets the member spent in, the group spent at least half the member's
         * rise above the group's own baseline, and the member's rise alone is more than the group's
         * own noise explains: a role with a thousand rotating sessions moves by more than one
         * session spends every day, and a session that happens to run while another runs away is
         * not the cause. Buckets where the group has no baseline say nothing, and a group with none
         * at all is new as a whole.
         */
        boolean rose(double[] member, SeriesAnomaly anomaly) {
            double above = 0;
            double spent = 0;
            double groupExpected = 0;
            int buckets = 0;
            boolean known = false;
            for (int index = anomaly.startIndex(); index <= anomaly.endIndex(); index++) {
                if (member[index] <= 0 || Double.isNaN(expected[index])) {
                    continue;
                }
                known = true;
                above += values[index] - expected[index];
                spent += member[index];
                groupExpected += expected[index];
                buckets++;
            }
            if (!known) {
                // No baseline for the group yet: only a group that had never spent before is new as a whole.
                for (int index = 0; index < anomaly.startIndex(); index++) {
                    if (values[index] > 0) {
                        return false;
                    }
                }
                return true;
            }
            double rise = spent * anomaly.impact() / Math.max(anomaly.actual(), 1e-9);
            // Hourly group sums are noisy: there the group must show most of the rise.
            if (above < (hourly ? 0.8 : 0.5) * rise) {
                return false;
            }
            // The noise of a sum of k buckets, on the log scale, is about the noise of one over the square root of k.
            double score = Math.log((Math.max(groupExpected, 0) + rise) / Math.max(groupExpected, 1e-9)) / (noise / Math.sqrt(buckets));
            return score >= significance;
        }
    }
}
