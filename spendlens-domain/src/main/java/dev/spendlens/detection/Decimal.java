package dev.spendlens.detection;

/** Numbers written for explanations, fast (a detector run explains thousands of anomalies): fixed decimals, no locale. */
final class Decimal {
    private Decimal() {}

    /** {@code value} with {@code digits} decimals (0 to 3), rounded half up. */
    static String fixed(double value, int digits) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        long scale = digits == 0 ? 1 : digits == 1 ? 10 : digits == 2 ? 100 : 1000;
        long scaled = Math.round(Math.abs(value) * scale);
        String sign = value < 0 && scaled != 0 ? "-" : "";
        if (digits == 0) {
            return sign + scaled;
        }
        String fraction = Long.toString(scaled % scale);
        return sign + (scaled / scale) + "." + "0".repeat(digits - fraction.length()) + fraction;
    }
}
