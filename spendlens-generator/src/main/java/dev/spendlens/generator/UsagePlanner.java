package dev.spendlens.generator;

import dev.spendlens.generator.Workload.VolumeBasis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans each workload day by day: its volume (weekly seasonality, growth, day-to-day noise,
 * anomalies) and which hours have usage (hour-of-day activity thinned by a global activity scale).
 * Everything is keyed noise, so planning one workload never changes another.
 */
final class UsagePlanner {
    private static final double DAYS_PER_MONTH = 30.44;
    private static final double DAILY_NOISE = 0.15;

    private final ExportCalendar calendar;
    private final ExportGranularity granularity;
    private final Noise noise;
    private final Arns arns;
    private final TagSets tagSets;
    private final Map<Long, DayAdjustment> adjustments;

    UsagePlanner(ExportCalendar calendar, ExportGranularity granularity, Noise noise, Arns arns, TagSets tagSets,
            Map<Long, DayAdjustment> adjustments) {
        this.calendar = calendar;
        this.granularity = granularity;
        this.noise = noise;
        this.arns = arns;
        this.tagSets = tagSets;
        this.adjustments = adjustments;
    }

    static long key(int workloadId, int day) {
        return ((long) workloadId << 32) | (day & 0xFFFFFFFFL);
    }

    /** The cost of a workload's day without anomalies, USD, assuming it runs as usual (used to size anomalies). */
    double ordinaryCost(Workload workload, int day) {
        return switch (workload.basis()) {
            case DAILY_COST -> dailyCost(workload, day);
            case PER_ACTIVE_HOUR -> workload.baseline() * 24 * workload.costPerVolume();
        };
    }

    List<PlanRow> plan(Workload workload, double activity) {
        List<PlanRow> rows = new ArrayList<>();
        double costPerVolume = workload.costPerVolume();
        HourShape shape = workload.shape();
        int lastDay = calendar.dayCount() - 1;
        int meters = workload.meters().size();
        int tagsWithout = tagSets.id(workload.account(), workload.caller(), workload.resource(), false);
        int tagsWith = tagSets.id(workload.account(), workload.caller(), workload.resource(), true);
        for (int day = Math.max(0, workload.firstDay()); day <= lastDay; day++) {
            boolean weekend = calendar.weekend(day);
            int hourlyMask = hoursWithUsage(workload, day, weekend, activity);
            DayAdjustment adjustment = adjustments.getOrDefault(key(workload.id(), day), DayAdjustment.scaled(1));
            int extraMask = adjustment.hasExtra() ? bits(adjustment.extraFrom(), adjustment.extraTo()) : 0;
            if (hourlyMask == 0 && extraMask == 0) {
                continue;
            }
            double ordinaryVolume;
            if (hourlyMask == 0) {
                ordinaryVolume = 0;
            } else if (workload.basis() == VolumeBasis.DAILY_COST) {
                ordinaryVolume = costPerVolume > 0 ? dailyCost(workload, day) / costPerVolume : 0;
            } else {
                ordinaryVolume = workload.baseline() * Integer.bitCount(hourlyMask);
            }
            double baseCost = ordinaryVolume * costPerVolume;
            double extraCost = baseCost * (adjustment.multiplier() - 1) + adjustment.extraCost();
            double volume = ordinaryVolume * adjustment.multiplier();
            double extraFirstHour = adjustment.hasExtra() && costPerVolume > 0 ? adjustment.extraCostFirstHour() / costPerVolume : 0;

            boolean principalData = calendar.principalDataOn(day);
            int arnId = 0;
            if (workload.caller().isPresent() && principalData) {
                String usual = workload.caller().get().arn(day, workload.slot(), noise);
                arnId = arns.id(adjustment.session().orElse(usual));
            }
            int tagSetId = principalData ? tagsWith : tagsWithout;
            PlanRow row = switch (granularity) {
                case HOURLY -> new PlanRow(workload.id(), day, arnId, tagSetId, shape.ordinal(), hourlyMask, hourlyMask | extraMask, volume,
                        norm(shape, hourlyMask), extraFirstHour, extraMask == 0 ? -1 : adjustment.extraFrom(),
                        extraMask == 0 ? -1 : adjustment.extraTo(), adjustment.growth(), baseCost, extraCost, Integer.bitCount(hourlyMask | extraMask) * meters);
                case DAILY -> new PlanRow(workload.id(), day, arnId, tagSetId, shape.ordinal(), hourlyMask == 0 ? 0 : 1, 1, volume, 1,
                        costPerVolume > 0 ? adjustment.extraCost() / costPerVolume : 0, extraMask == 0 ? -1 : 0, extraMask == 0 ? -1 : 0, 1,
                        baseCost, extraCost, meters);
            };
            rows.add(row);
        }
        return rows;
    }

    private int hoursWithUsage(Workload workload, int day, boolean weekend, double activity) {
        HourShape shape = workload.shape();
        int mask = 0;
        for (int hour = 0; hour < 24; hour++) {
            double chance = shape.activity(hour, weekend) * (shape.fixedSchedule() ? 1.0 : activity);
            if (chance > 0 && (chance >= 1 || noise.unit(workload.id(), day, hour, 3) < chance)) {
                mask |= 1 << hour;
            }
        }
        return mask;
    }

    private double dailyCost(Workload workload, int day) {
        double weekly = workload.shape().volumeFactor(calendar.weekend(day));
        double growth = Math.pow(1 + workload.monthlyGrowth(), day / DAYS_PER_MONTH);
        return workload.baseline() * weekly * growth * noise.logNormal(DAILY_NOISE, workload.id(), day, 7);
    }

    private static double norm(HourShape shape, int mask) {
        double total = 0;
        for (int hour = 0; hour < 24; hour++) {
            if ((mask & (1 << hour)) != 0) {
                total += shape.weight(hour);
            }
        }
        return total > 0 ? 1 / total : 0;
    }

    static int bits(int from, int to) {
        int mask = 0;
        for (int hour = from; hour <= to; hour++) {
            mask |= 1 << hour;
        }
        return mask;
    }
}
