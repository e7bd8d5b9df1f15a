package dev.spendlens.generator;

/**
 * Deterministic pseudo-random numbers keyed by the seed and the ids of what they describe
 * (workload, day, hour), so that any value can be recomputed without replaying a sequence and
 * adding a workload never changes the numbers of another.
 */
record Noise(long seed) {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_PI = 2 * Math.PI;

    long hash(long a, long b, long c, long d) {
        long h = mix(seed + GOLDEN);
        h = mix(h ^ (a * GOLDEN));
        h = mix(h ^ (b + 0x632BE59BD9B4E019L));
        h = mix(h ^ (c * 0xC2B2AE3D27D4EB4FL));
        return mix(h ^ (d + 0x165667B19E3779F9L));
    }

    /** Uniform in [0, 1). */
    double unit(long a, long b, long c, long d) {
        return (hash(a, b, c, d) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box-Muller over two keyed uniforms). */
    double gaussian(long a, long b, long c) {
        double u1 = Math.max(unit(a, b, c, 1), 1e-12);
        double u2 = unit(a, b, c, 2);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
    }

    /** A multiplicative factor with median 1 whose logarithm has standard deviation {@code sigma}. */
    double logNormal(double sigma, long a, long b, long c) {
        return Math.exp(sigma * gaussian(a, b, c));
    }

    // SplitMix64's finaliser.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
