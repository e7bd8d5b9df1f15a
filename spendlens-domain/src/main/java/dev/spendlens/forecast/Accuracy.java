package dev.spendlens.forecast;

/**
 * Forecast accuracy measures: the mean absolute scaled error (MASE, Hyndman and Koehler 2006)
 * against the in-sample weekly seasonal naive forecast, and the coverage of prediction intervals.
 */
public final class Accuracy {
    private Accuracy() {}

    /**
     * MASE of {@code forecast} against {@code actual}: their mean absolute error divided by the mean
     * absolute error of the weekly seasonal naive forecast within {@code training}. NaN when the
     * training data is too short or constant week on week.
     */
    public static double mase(double[] training, double[] actual, double[] forecast) {
        int season = ForecastMethod.SEASON;
        if (training.length <= season || actual.length != forecast.length || actual.length == 0) {
            return Double.NaN;
        }
        double naive = 0;
        for (int t = season; t < training.length; t++) {
            naive += Math.abs(training[t] - training[t - season]);
        }
        naive /= training.length - season;
        if (naive == 0) {
            return Double.NaN;
        }
        double error = 0;
        for (int i = 0; i < actual.length; i++) {
            error += Math.abs(actual[i] - forecast[i]);
        }
        return error / actual.length / naive;
    }

    /** How many of the actuals fall inside their interval. */
    public static int covered(double[] actual, Forecast forecast) {
        int covered = 0;
        for (int i = 0; i < actual.length && i < forecast.horizon(); i++) {
            if (forecast.days().get(i).covers(actual[i])) {
                covered++;
            }
        }
        return covered;
    }
}
