package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One series of charges: a caller (or none) using one model in one way through one resource, or an
 * AWS service running. Every line item comes from one workload, one of its meters and one hour.
 *
 * @param id dense id, stable for a seed whatever the row target
 * @param caller who calls, empty for charges nobody calls (provisioned throughput, instances, storage)
 * @param account the account billed
 * @param model the Bedrock model, when there is one
 * @param mode how the model is invoked (on-demand for non-model charges)
 * @param region where it runs
 * @param meters the meters it is charged on, with their volume ratios
 * @param resource the resource its lines name
 * @param shape when in the day it runs
 * @param basis what {@code baseline} measures
 * @param baseline USD per day ({@link VolumeBasis#DAILY_COST}) or units per running hour ({@link VolumeBasis#PER_ACTIVE_HOUR})
 * @param monthlyGrowth growth per month
 * @param firstDay first day it runs (export day index)
 * @param slot its ordinal among its caller's workloads, which picks the session it calls with
 */
record Workload(int id, Optional<Caller> caller, Account account, Optional<BedrockModel> model, InferenceMode mode, Region region,
        List<MeterShare> meters, Resource resource, HourShape shape, VolumeBasis basis, double baseline, double monthlyGrowth,
        int firstDay, int slot) {

    Workload {
        requireNonNull(caller, "caller is null");
        requireNonNull(account, "account is null");
        requireNonNull(model, "model is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(region, "region is null");
        meters = List.copyOf(requireNonNull(meters, "meters is null"));
        requireNonNull(resource, "resource is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(basis, "basis is null");
    }

    /** What one unit of volume costs: USD per input token for token workloads, per unit otherwise. */
    double costPerVolume() {
        double cost = 0;
        for (MeterShare share : meters) {
            cost += share.ratio() * share.meter().pricePerVolumeUnit();
        }
        return cost;
    }

    boolean bedrock() {
        return meters.get(0).meter().bedrock();
    }

    Workload withFirstDay(int firstDay) {
        return new Workload(id, caller, account, model, mode, region, meters, resource, shape, basis, baseline, monthlyGrowth, firstDay, slot);
    }

    /** A meter of a workload, and how many of its units one unit of the workload's volume brings. */
    record MeterShare(Meter meter, double ratio) {
        MeterShare {
            requireNonNull(meter, "meter is null");
        }
    }

    /** What a workload's baseline measures. */
    enum VolumeBasis {
        /** USD per day; volume is the cost divided by {@link #costPerVolume()}. */
        DAILY_COST,
        /** Units per running hour: one instance hour, one model unit. */
        PER_ACTIVE_HOUR
    }
}
