package dev.spendlens.generator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The workloads and their day rows, sized to a row target.
 *
 * <p>How {@code --rows N} is met: the base workloads (every caller's own) are planned first; while
 * the count is below N, workloads are added: a non-Bedrock one whenever non-Bedrock lines are under
 * 20% of all lines, otherwise another Bedrock series of the next caller in turn (another model,
 * mode, region, operation or application inference profile). When the base alone is above N, the
 * hour-activity scale is lowered by bisection (fewer busy hours, the same daily volumes) until the
 * count is within a few percent. Lines that never thin (provisioned throughput hours, daily storage,
 * anomaly hours, monthly lines) set a floor below which a target cannot go.
 */
final class UsagePlan {
    private static final double OTHER_SHARE = 0.2;
    private static final double TOLERANCE = 0.04;

    private final List<Workload> workloads;
    private final Map<Integer, List<PlanRow>> rows;
    private final double activity;

    private UsagePlan(List<Workload> workloads, Map<Integer, List<PlanRow>> rows, double activity) {
        this.workloads = List.copyOf(workloads);
        this.rows = rows;
        this.activity = activity;
    }

    static UsagePlan build(List<Workload> base, WorkloadFactory factory, UsagePlanner planner, OptionalLong target, long fixedLines,
            Consumer<String> progress) {
        List<Workload> workloads = new ArrayList<>(base);
        Map<Integer, List<PlanRow>> rows = new LinkedHashMap<>();
        long bedrock = 0;
        long other = 0;
        for (Workload workload : workloads) {
            List<PlanRow> planned = planner.plan(workload, 1.0);
            rows.put(workload.id(), planned);
            if (workload.bedrock()) {
                bedrock += lines(planned);
            } else {
                other += lines(planned);
            }
        }
        long wanted = target.orElse(-1);
        while (true) {
            long total = bedrock + other + fixedLines;
            if (wanted > 0 && total >= wanted) {
                break;
            }
            boolean needOther = other < OTHER_SHARE * total;
            if (!needOther && wanted <= 0) {
                break;
            }
            Workload added = needOther ? factory.nextOther() : factory.nextBedrock();
            List<PlanRow> planned = planner.plan(added, 1.0);
            workloads.add(added);
            rows.put(added.id(), planned);
            if (added.bedrock()) {
                bedrock += lines(planned);
            } else {
                other += lines(planned);
            }
        }
        UsagePlan plan = new UsagePlan(workloads, rows, 1.0);
        if (wanted > 0 && plan.lines() + fixedLines > wanted * (1 + TOLERANCE)) {
            plan = plan.thinnedTo(wanted - fixedLines, planner);
            progress.accept("row target %,d: hour activity scaled to %.3f".formatted(wanted, plan.activity));
        }
        return plan;
    }

    // Bisection on the activity scale: line counts only grow with it, as each hour's draw is fixed.
    private UsagePlan thinnedTo(long wanted, UsagePlanner planner) {
        double low = 0.0005;
        double high = 1.0;
        UsagePlan best = this;
        for (int iteration = 0; iteration < 18; iteration++) {
            double middle = (low + high) / 2;
            UsagePlan candidate = replanned(middle, planner);
            long lines = candidate.lines();
            if (Math.abs(lines - wanted) < Math.abs(best.lines() - wanted)) {
                best = candidate;
            }
            if (Math.abs(lines - wanted) <= wanted * TOLERANCE / 2) {
                return candidate;
            }
            if (lines > wanted) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return best;
    }

    private UsagePlan replanned(double activity, UsagePlanner planner) {
        Map<Integer, List<PlanRow>> replanned = new LinkedHashMap<>();
        for (Workload workload : workloads) {
            replanned.put(workload.id(), planner.plan(workload, activity));
        }
        return new UsagePlan(workloads, replanned, activity);
    }

    List<Workload> workloads() {
        return workloads;
    }

    Collection<List<PlanRow>> rows() {
        return rows.values();
    }

    List<PlanRow> rows(int workloadId) {
        return rows.getOrDefault(workloadId, List.of());
    }

    double activity() {
        return activity;
    }

    /** Line items the plan explodes into. */
    long lines() {
        long total = 0;
        for (List<PlanRow> planned : rows.values()) {
            total += lines(planned);
        }
        return total;
    }

    /** Line items per day. */
    long[] linesPerDay(int days) {
        long[] perDay = new long[days];
        for (List<PlanRow> planned : rows.values()) {
            for (PlanRow row : planned) {
                perDay[row.day()] += row.lines();
            }
        }
        return perDay;
    }

    long bedrockLines() {
        long total = 0;
        for (Workload workload : workloads) {
            if (workload.bedrock()) {
                total += lines(rows(workload.id()));
            }
        }
        return total;
    }

    int planRows() {
        int total = 0;
        for (List<PlanRow> planned : rows.values()) {
            total += planned.size();
        }
        return total;
    }

    private static long lines(List<PlanRow> planned) {
        long total = 0;
        for (PlanRow row : planned) {
            total += row.lines();
        }
        return total;
    }
}
