package dev.spendlens.detection;

import java.util.Locale;

/**
 * Says what a score means in words. A score is how many robust standard deviations of the series'
 * own day-to-day noise (on a log scale) the spend stands above its baseline; if that noise were
 * normal, a score of 4 would be reached by chance about once in 30,000 buckets.
 */
public final class ScoreMeaning {
    private ScoreMeaning() {}

    /** {@code "4.2 times the usual noise above the baseline; by chance about once in 75,000 days"}. */
    public static String describe(double score, String bucket) {
        if (Double.isInfinite(score) || score > 30) {
            return "far beyond anything the series' usual noise explains";
        }
        double oneIn = 1 / upperTail(score);
        return Decimal.fixed(score, 1) + " times the usual noise above the baseline; by chance about once in " + rounded(oneIn) + " " + bucket + "s";
    }

    /** P(Z > z) for a standard normal Z (Abramowitz and Stegun 26.2.17, error below 1e-7). */
    static double upperTail(double z) {
        if (z < 0) {
            return 1 - upperTail(-z);
        }
        double t = 1 / (1 + 0.2316419 * z);
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        return density * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    }

    private static String rounded(double value) {
        if (value >= 1e9) {
            return "a billion";
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)) - 1);
        return String.format(Locale.ROOT, "%,.0f", Math.round(value / magnitude) * magnitude);
    }
}
