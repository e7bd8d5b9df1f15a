package dev.spendlens.generator;

/**
 * One workload on one day: the compact plan DuckDB explodes into line items (one per set bit of
 * {@code rowMask} and meter of the workload).
 *
 * @param workloadId the workload
 * @param day export day index
 * @param arnId the caller ARN billed that day (0: none)
 * @param tagSetId the {@code tags} map of its lines
 * @param shape ordinal of the {@link HourShape} spreading the volume over the hours
 * @param baseMask hours (bit n = hour n; bit 0 alone for daily exports) carrying the ordinary volume
 * @param rowMask hours that get a line: {@code baseMask} plus the hours of an anomaly
 * @param volume the day's ordinary volume, anomaly multipliers included
 * @param norm 1 / sum of the shape's weights over {@code baseMask}
 * @param extraVolume anomaly volume of the hour {@code extraFrom}; 0 when none
 * @param extraFrom first hour of the anomaly's extra volume, -1 when none
 * @param extraTo last hour of it, -1 when none
 * @param extraGrowth factor from one hour of extra volume to the next (1 for flat)
 * @param baseCost planned cost of the day without any anomaly, USD
 * @param extraCost planned cost the anomaly adds that day, USD
 * @param lines line items this row becomes
 */
record PlanRow(int workloadId, int day, int arnId, int tagSetId, int shape, int baseMask, int rowMask, double volume, double norm,
        double extraVolume, int extraFrom, int extraTo, double extraGrowth, double baseCost, double extraCost, int lines) {
}
