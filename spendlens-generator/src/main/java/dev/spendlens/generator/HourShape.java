package dev.spendlens.generator;

import java.util.Arrays;

/**
 * When in the day (UTC) a workload runs: the relative volume of each hour, the chance that an hour
 * has any usage at all, and how weekends differ.
 */
enum HourShape {
    /** People in US Eastern time: 9:00-18:00 local is 13:00-22:00 UTC. */
    BUSINESS_US(businessWeights(13, 22), businessActivity(13, 22), 0.15, 0.25),
    /** People in Central Europe: 8:00-17:00 local is 7:00-16:00 UTC. */
    BUSINESS_EU(businessWeights(7, 16), businessActivity(7, 16), 0.12, 0.2),
    /** A customer-facing application: always on, busiest in the US afternoon. */
    DIURNAL(diurnalWeights(), constant(0.97), 0.7, 0.95),
    /** An agent: always on, with a mild daily swing. */
    AGENT(agentWeights(), constant(0.9), 0.6, 0.85),
    /** Nightly batch jobs, 01:00-05:00 UTC. */
    NIGHTLY_BATCH(window(1, 5), window(1, 5), 1.0, 1.0),
    /** Every hour, the same, never thinned: provisioned throughput is billed whether used or not. */
    ALWAYS_ON(constant(1), constant(1), 1.0, 1.0),
    /** Servers and metrics: every hour at full activity, fewer hours (autoscaling) when the row target thins activity. */
    SERVER(constant(1), constant(1), 1.0, 1.0),
    /** Metered once a day, on the first hour: storage. */
    DAILY_METERED(window(0, 0), window(0, 0), 1.0, 1.0);

    private final double[] weights;
    private final double[] activity;
    private final double weekendVolume;
    private final double weekendActivity;

    HourShape(double[] weights, double[] activity, double weekendVolume, double weekendActivity) {
        this.weights = weights;
        this.activity = activity;
        this.weekendVolume = weekendVolume;
        this.weekendActivity = weekendActivity;
    }

    double weight(int hour) {
        return weights[hour];
    }

    /** Chance that the hour has usage, before the global activity scale. */
    double activity(int hour, boolean weekend) {
        return activity[hour] * (weekend ? weekendActivity : 1.0);
    }

    double volumeFactor(boolean weekend) {
        return weekend ? weekendVolume : 1.0;
    }

    /** Shapes that never thin out: a running instance is billed every hour. */
    boolean fixedSchedule() {
        return switch (this) {
            case ALWAYS_ON, DAILY_METERED -> true;
            case BUSINESS_US, BUSINESS_EU, DIURNAL, AGENT, NIGHTLY_BATCH, SERVER -> false;
        };
    }

    private static double[] businessWeights(int from, int to) {
        double[] weights = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            if (hour >= from && hour <= to) {
                boolean lunch = hour == from + 4;
                weights[hour] = lunch ? 0.7 : 1.0;
            } else if (hour == from - 1 || hour == to + 1) {
                weights[hour] = 0.35;
            } else {
                weights[hour] = 0.06;
            }
        }
        return weights;
    }

    private static double[] businessActivity(int from, int to) {
        double[] activity = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            if (hour >= from && hour <= to) {
                activity[hour] = 0.85;
            } else if (hour == from - 1 || hour == to + 1) {
                activity[hour] = 0.35;
            } else {
                activity[hour] = 0.04;
            }
        }
        return activity;
    }

    private static double[] diurnalWeights() {
        double[] weights = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            weights[hour] = 0.3 + 0.7 * (1 + Math.cos(2 * Math.PI * (hour - 18) / 24.0)) / 2;
        }
        return weights;
    }

    private static double[] agentWeights() {
        double[] weights = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            weights[hour] = 0.6 + 0.4 * (1 + Math.cos(2 * Math.PI * (hour - 16) / 24.0)) / 2;
        }
        return weights;
    }

    private static double[] window(int from, int to) {
        double[] values = new double[24];
        for (int hour = from; hour <= to; hour++) {
            values[hour] = 1.0;
        }
        return values;
    }

    private static double[] constant(double value) {
        double[] values = new double[24];
        Arrays.fill(values, value);
        return values;
    }
}
