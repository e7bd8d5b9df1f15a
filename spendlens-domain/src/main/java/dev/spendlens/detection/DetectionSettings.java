package dev.spendlens.detection;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

/**
 * How sure and how big a rise must be to be an anomaly.
 *
 * @param minimumScore the least score (robust standard deviations of the series' own noise above the baseline); default 4
 * @param minimumImpact the least spend above the baseline in one bucket, in the currency; default 1
 * @param minimumRatio the least rise relative to the baseline, 0.3 for 30 %; default 0.3
 * @param levelShiftBuckets consecutive anomalous buckets after which a rise counts as a new level; default 4 (days), hourly 12
 * @param driftRatio how far the level must climb, over six weeks, to be a drift; default 0.5 (50 %)
 * @param newSeriesShare for a new series, how big its first bucket must be against the established series of its monitor:
 *                       the quantile of their typical spend it must reach; default 0.9 (among the top tenth from day one)
 */
public record DetectionSettings(double minimumScore, double minimumImpact, double minimumRatio, int levelShiftBuckets, double driftRatio,
        double newSeriesShare) {
    public DetectionSettings {
        if (minimumScore <= 0 || minimumImpact < 0 || minimumRatio < 0 || levelShiftBuckets < 2 || driftRatio <= 0 || newSeriesShare < 0 || newSeriesShare > 1) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT,
                    "detection settings out of range: minimum score > 0, minimum impact >= 0, minimum ratio >= 0, level shift >= 2 buckets, "
                            + "drift ratio > 0, new series share in [0, 1]");
        }
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(4.0, 1.0, 0.3, 4, 0.5, 0.9);
    }
}
