package dev.spendlens.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Chooses the anomalies for a seed and turns them into day adjustments of the base workloads:
 * two spikes on people, a level shift on an application, a drift, a runaway agent and a heavy
 * newcomer. All start after caller data begins (with a week of normal history before them), on
 * tagged principals whose series is easy to find.
 */
final class AnomalyInjector {
    private static final int HISTORY_DAYS = 7;

    private final ExportCalendar calendar;
    private final ExportGranularity granularity;
    private final Noise noise;
    private final Random random;
    private final Map<Long, DayAdjustment> adjustments = new LinkedHashMap<>();
    private final List<Anomaly> anomalies = new ArrayList<>();

    AnomalyInjector(ExportCalendar calendar, ExportGranularity granularity, long seed) {
        this.calendar = calendar;
        this.granularity = granularity;
        this.noise = new Noise(seed);
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    Map<Long, DayAdjustment> adjustments() {
        return adjustments;
    }

    List<Anomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    /**
     * Injects into {@code base}, returning it with the newcomer's workloads moved to its first day.
     * Leaves everything as is when the export has less than three weeks of caller data.
     */
    List<Workload> inject(List<Workload> base, Organisation organisation, UsagePlanner planner) {
        int from = Math.max(0, calendar.principalDataFromDay()) + HISTORY_DAYS;
        int to = calendar.dayCount() - 4;
        if (to - from < 14) {
            return base;
        }
        List<Workload> main = mainWorkloads(base);
        List<Workload> result = new ArrayList<>(base);

        List<Workload> people = main.stream()
                .filter(workload -> tagged(workload) && caller(workload).kind().person() && caller(workload).firstDay() <= from - HISTORY_DAYS)
                .sorted(Comparator.comparingDouble((Workload workload) -> -workload.baseline()).thenComparingInt(Workload::id))
                .toList();
        for (int index = 0; index < Math.min(2, people.size()); index++) {
            spike(people.get(index), weekday(from, to - 2), planner);
        }
        // Level shift and drift need a principal whose ARN never changes: a Lambda function, else an API key or a person.
        List<Workload> steady = main.stream()
                .filter(workload -> caller(workload).tagging().principalTags() && caller(workload).firstDay() <= 0
                        && caller(workload).id() != organisation.newcomer() && !people.subList(0, Math.min(2, people.size())).contains(workload)
                        && stableArn(caller(workload).kind()))
                .sorted(Comparator.comparingInt((Workload workload) -> preference(caller(workload).kind())).thenComparingInt(Workload::id))
                .toList();
        if (!steady.isEmpty()) {
            levelShift(steady.get(0), from + random.nextInt(Math.max(1, (to - from) / 2)), planner);
        }
        if (steady.size() > 1) {
            drift(steady.get(steady.size() > 2 ? 2 : 1), from + random.nextInt(Math.max(1, (to - from) / 3)), planner);
        }
        main.stream()
                .filter(workload -> caller(workload).kind() == CallerKind.AGENTCORE_AGENT && caller(workload).firstDay() <= from - HISTORY_DAYS)
                .findFirst()
                .ifPresent(agent -> runaway(agent, weekday(from, to - 3), planner));
        for (int index = 0; index < result.size(); index++) {
            Workload workload = result.get(index);
            if (workload.caller().isPresent() && workload.caller().get().id() == organisation.newcomer()) {
                int start = weekday(from + (to - from) / 2, to);
                result.set(index, workload.withFirstDay(start));
                if (workload.slot() == 0) {
                    anomalies.add(new Anomaly(nextId(), AnomalyKind.NEW_PRINCIPAL, result.get(index), caller(workload).sessions().get(0), start,
                            hour(0), calendar.dayCount() - 1, hour(23)));
                }
            }
        }
        return result;
    }

    private void spike(Workload workload, int day, UsagePlanner planner) {
        boolean europe = workload.shape() == HourShape.BUSINESS_EU;
        int startHour = (europe ? 8 : 14) + random.nextInt(4);
        int hours = 20 + random.nextInt(20);
        double expected = planner.ordinaryCost(workload, day);
        double factor = 4 + 3 * random.nextDouble();
        double perHour = factor * expected / hours;
        int endAbsolute = startHour + hours - 1;
        for (int offset = 0; offset * 24 <= endAbsolute; offset++) {
            int first = offset == 0 ? startHour : 0;
            int last = Math.min(23, endAbsolute - offset * 24);
            adjustments.put(UsagePlanner.key(workload.id(), day + offset), DayAdjustment.extra(perHour, first, last, 1, Optional.empty()));
        }
        anomalies.add(new Anomaly(nextId(), AnomalyKind.SPIKE, workload, caller(workload).arn(day, workload.slot(), noise), day,
                hour(startHour), day + endAbsolute / 24, hour(endAbsolute % 24)));
    }

    private void levelShift(Workload workload, int day, UsagePlanner planner) {
        double factor = 1.8 + 0.4 * random.nextDouble();
        for (int current = day; current < calendar.dayCount(); current++) {
            adjustments.put(UsagePlanner.key(workload.id(), current), DayAdjustment.scaled(factor));
        }
        anomalies.add(new Anomaly(nextId(), AnomalyKind.LEVEL_SHIFT, workload, caller(workload).arn(day, workload.slot(), noise), day, hour(0),
                calendar.dayCount() - 1, hour(23)));
    }

    private void drift(Workload workload, int day, UsagePlanner planner) {
        double target = 1.7 + 0.4 * random.nextDouble();
        int rampDays = 28;
        for (int current = day; current < calendar.dayCount(); current++) {
            double progress = Math.min(1.0, (current - day + 1) / (double) rampDays);
            adjustments.put(UsagePlanner.key(workload.id(), current), DayAdjustment.scaled(1 + (target - 1) * progress));
        }
        anomalies.add(new Anomaly(nextId(), AnomalyKind.DRIFT, workload, caller(workload).arn(day, workload.slot(), noise), day, hour(0),
                calendar.dayCount() - 1, hour(23)));
    }

    private void runaway(Workload workload, int day, UsagePlanner planner) {
        int startHour = 19 + random.nextInt(4);
        int hours = 26 + random.nextInt(10);
        double growth = 1.12;
        double firstHour = 1.5 * planner.ordinaryCost(workload, day) / 24;
        // One session loops the whole time, unlike the agent's usual daily sessions.
        String session = caller(workload).agentSession(day, 9_999, noise);
        int endAbsolute = startHour + hours - 1;
        for (int offset = 0; offset * 24 <= endAbsolute; offset++) {
            int first = offset == 0 ? startHour : 0;
            int last = Math.min(23, endAbsolute - offset * 24);
            int elapsed = offset * 24 + first - startHour;
            adjustments.put(UsagePlanner.key(workload.id(), day + offset),
                    DayAdjustment.extra(firstHour * Math.pow(growth, elapsed), first, last, growth, Optional.of(session)));
        }
        anomalies.add(new Anomaly(nextId(), AnomalyKind.RUNAWAY, workload, session, day, hour(startHour), day + endAbsolute / 24,
                hour(endAbsolute % 24)));
    }

    // The first workload of each caller: the one its tags and habits describe best.
    private static List<Workload> mainWorkloads(List<Workload> base) {
        return base.stream().filter(workload -> workload.caller().isPresent() && workload.slot() == 0 && workload.model().isPresent()).toList();
    }

    private static boolean stableArn(CallerKind kind) {
        return switch (kind) {
            case LAMBDA_APP, API_KEY_USER, IAM_USER, SSO_PERSON, FEDERATED_PERSON, IAM_ROLE -> true;
            case ECS_APP, AGENTCORE_AGENT -> false;
        };
    }

    private static int preference(CallerKind kind) {
        return switch (kind) {
            case LAMBDA_APP -> 0;
            case API_KEY_USER -> 1;
            case IAM_USER, IAM_ROLE -> 2;
            case SSO_PERSON, FEDERATED_PERSON -> 3;
            case ECS_APP, AGENTCORE_AGENT -> 4;
        };
    }

    private static boolean tagged(Workload workload) {
        return caller(workload).tagging() == Tagging.TAGGED;
    }

    private static Caller caller(Workload workload) {
        return workload.caller().orElseThrow();
    }

    private int weekday(int from, int to) {
        int day = from + random.nextInt(Math.max(1, to - from));
        while (calendar.weekend(day) && day < to) {
            day++;
        }
        return day;
    }

    private OptionalInt hour(int hour) {
        return granularity == ExportGranularity.HOURLY ? OptionalInt.of(hour) : OptionalInt.empty();
    }

    private String nextId() {
        return "A" + (anomalies.size() + 1);
    }
}
