package dev.spendlens.forecast;

/**
 * An estimate with its prediction interval.
 *
 * @param mean the point forecast
 * @param lower the lower bound of the interval
 * @param upper the upper bound of the interval
 */
public record ForecastInterval(double mean, double lower, double upper) {
    public ForecastInterval {
        if (!(lower <= mean + 1e-9 && mean <= upper + 1e-9)) {
            throw new IllegalArgumentException("interval [%s, %s] does not hold its mean %s".formatted(lower, upper, mean));
        }
    }

    public boolean covers(double actual) {
        return actual >= lower && actual <= upper;
    }

    public ForecastInterval plus(double amount) {
        return new ForecastInterval(mean + amount, lower + amount, upper + amount);
    }
}
