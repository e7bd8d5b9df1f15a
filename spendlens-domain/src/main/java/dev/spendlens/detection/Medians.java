package dev.spendlens.detection;

/** Medians and quantiles of small arrays by selection, without allocating. */
final class Medians {
    private Medians() {}

    /** The median of {@code values[from..from + count)}; reorders them. 0 when empty. */
    static double median(double[] values, int from, int count) {
        if (count == 0) {
            return 0;
        }
        int middle = count / 2;
        double upper = select(values, from, count, middle);
        if (count % 2 == 1) {
            return upper;
        }
        double lower = values[from];
        for (int index = from + 1; index < from + middle; index++) {
            lower = Math.max(lower, values[index]);
        }
        return (lower + upper) / 2;
    }

    /** The median of {@code values[0..count)}; reorders them. 0 when empty. */
    static double median(double[] values, int count) {
        return median(values, 0, count);
    }

    /** The {@code quantile} (0 to 1) of {@code values[0..count)} by the nearest rank; reorders them. */
    static double quantile(double[] values, int count, double quantile) {
        if (count == 0) {
            return 0;
        }
        int rank = (int) Math.min(count - 1, Math.max(0, Math.ceil(quantile * count) - 1));
        return select(values, 0, count, rank);
    }

    // Hoare's selection: afterwards values[k] holds the k-th smallest and everything before it is no larger.
    // Short arrays (the usual level span) are sorted outright: cheaper than partitioning.
    private static double select(double[] values, int from, int count, int k) {
        int target = from + k;
        if (count <= 24) {
            for (int i = from + 1; i < from + count; i++) {
                double value = values[i];
                int j = i - 1;
                while (j >= from && values[j] > value) {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = value;
            }
            return values[target];
        }
        int left = from;
        int right = from + count - 1;
        while (right > left) {
            double pivot = values[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                right = j;
            } else if (target >= i) {
                left = i;
            } else {
                break;
            }
        }
        return values[target];
    }
}
