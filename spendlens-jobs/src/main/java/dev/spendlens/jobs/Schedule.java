package dev.spendlens.jobs;

import static java.util.Objects.requireNonNull;

import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.config.WeeklyTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * When {@code serve} runs its jobs by itself: the ingest of the configured sources every so often
 * (the first at start-up), the daily and the weekly digests at their times of day (UTC).
 *
 * @param sources what the scheduled ingest reads; none: no scheduled ingest
 * @param every how often it does
 * @param dailyDigestAt when the daily digests go, UTC; empty: never
 * @param weeklyDigestAt when the weekly digests go, UTC; empty: never
 */
public record Schedule(List<String> sources, Duration every, Optional<LocalTime> dailyDigestAt, Optional<WeeklyTime> weeklyDigestAt) {
    public Schedule {
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        requireNonNull(every, "every is null");
        requireNonNull(dailyDigestAt, "dailyDigestAt is null");
        requireNonNull(weeklyDigestAt, "weeklyDigestAt is null");
    }

    /** The schedule of a configuration: {@code ingest.sources} every {@code ingest.every}, and {@code alerts.daily-digest-at}, {@code alerts.weekly-digest-at}. */
    public static Schedule of(SpendlensConfig config) {
        return new Schedule(config.ingest().sources(), config.ingest().every(), config.alerts().dailyDigestAt(), config.alerts().weeklyDigestAt());
    }

    /** Nothing runs by itself. */
    public static Schedule none() {
        return new Schedule(List.of(), Duration.ofHours(6), Optional.empty(), Optional.empty());
    }

    /** The jobs this schedule runs. */
    public List<Job> jobs() {
        List<Job> jobs = new java.util.ArrayList<>();
        if (!sources.isEmpty()) {
            jobs.add(Job.INGEST);
        }
        dailyDigestAt.ifPresent(time -> jobs.add(Job.DAILY_DIGEST));
        weeklyDigestAt.ifPresent(time -> jobs.add(Job.WEEKLY_DIGEST));
        return jobs;
    }

    /**
     * When a job is first due after start-up: the ingest at once; a digest at its next time, or at
     * once when its last run (kept in the store) is older than its latest time, so that one missed
     * while Spendlens was down is sent.
     */
    public Instant first(Job job, Instant now, Optional<Instant> lastRun) {
        return switch (job) {
            case INGEST -> now;
            case DAILY_DIGEST, WEEKLY_DIGEST -> lastRun.filter(last -> last.isBefore(previous(job, now))).map(missed -> now).orElse(next(job, now, now));
            case ANOMALY_DETECTION, ANOMALY_NOTIFY, BUDGET_CHECK -> throw new IllegalArgumentException(job.label() + " runs only on request");
        };
    }

    /** When a job is due again after a run that started at {@code started}: the ingest {@link #every} later, a digest at its next time after now. */
    public Instant next(Job job, Instant started, Instant now) {
        return switch (job) {
            case INGEST -> started.plus(every);
            case DAILY_DIGEST -> {
                ZonedDateTime at = now.atZone(ZoneOffset.UTC).with(dailyDigestAt.orElseThrow());
                yield (at.toInstant().isAfter(now) ? at : at.plusDays(1)).toInstant();
            }
            case WEEKLY_DIGEST -> {
                WeeklyTime weekly = weeklyDigestAt.orElseThrow();
                ZonedDateTime at = now.atZone(ZoneOffset.UTC).with(TemporalAdjusters.nextOrSame(weekly.day())).with(weekly.time());
                yield (at.toInstant().isAfter(now) ? at : at.plusWeeks(1)).toInstant();
            }
            case ANOMALY_DETECTION, ANOMALY_NOTIFY, BUDGET_CHECK -> throw new IllegalArgumentException(job.label() + " runs only on request");
        };
    }

    /** The job's regular period: what a failing job's retries never wait longer than. */
    public Duration period(Job job) {
        return switch (job) {
            case INGEST -> every;
            case DAILY_DIGEST -> Duration.ofDays(1);
            case WEEKLY_DIGEST -> Duration.ofDays(7);
            case ANOMALY_DETECTION, ANOMALY_NOTIFY, BUDGET_CHECK -> throw new IllegalArgumentException(job.label() + " runs only on request");
        };
    }

    // The latest time the digest was due, at or before now.
    private Instant previous(Job job, Instant now) {
        Instant next = next(job, now, now);
        return next.minus(period(job));
    }
}
