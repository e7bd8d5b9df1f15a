package dev.spendlens.jobs;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Frequency;
import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.ingest.PeriodSummary;
import dev.spendlens.duckdb.job.JobRunLog;
import dev.spendlens.error.SpendlensException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs of a {@link Schedule} by itself, on a thread of its own that wakes every tick and
 * runs what is due, one job at a time (through the same {@link JobRunner} as requests). A job that
 * finds another running waits for the next tick; a job that fails is logged with its error code and
 * tried again at the next tick, then after waits that double, never longer than its own period.
 * Time comes from the clock, so tests move it by hand and use a short tick.
 */
public final class Scheduler implements AutoCloseable {
    /** How often the scheduler looks at the clock, unless told otherwise. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(15);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final Jobs jobs;
    private final JobRunner runner;
    private final Schedule schedule;
    private final Clock clock;
    private final Duration tick;
    private final Map<Job, Instant> due = new EnumMap<>(Job.class);
    private final CountDownLatch closing = new CountDownLatch(1);
    private Optional<Thread> thread = Optional.empty();

    public Scheduler(Jobs jobs, Schedule schedule, Duration tick) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.tick = requireNonNull(tick, "tick is null");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive, was " + tick);
        }
        this.clock = jobs.clock();
        this.runner = new JobRunner(jobs.log(), clock);
        Instant now = clock.instant();
        for (Job job : schedule.jobs()) {
            due.put(job, schedule.first(job, now, runner.state(job).lastRun().map(JobRunLog.JobRun::startedAt)));
        }
    }

    /** The configuration's schedule over the store, looking at the clock every {@link #DEFAULT_TICK}. */
    public static Scheduler of(DuckDbStore store, Allocator allocator, Clock clock, SpendlensConfig config) {
        return new Scheduler(new Jobs(store, allocator, clock, config), Schedule.of(config), DEFAULT_TICK);
    }

    /** Starts the scheduler's thread; with nothing scheduled, there is none. */
    public synchronized void start() {
        if (thread.isPresent() || closing.getCount() == 0 || due.isEmpty()) {
            return;
        }
        Thread loop = new Thread(this::loop, "spendlens-scheduler");
        loop.setDaemon(true);
        loop.start();
        thread = Optional.of(loop);
        LOG.info("scheduled: {}", describe());
    }

    /** Whether the scheduler's thread is alive: from {@link #start()} (with something scheduled) to {@link #close()}. */
    public synchronized boolean running() {
        return thread.filter(Thread::isAlive).isPresent();
    }

    public JobRunner runner() {
        return runner;
    }

    public Jobs jobs() {
        return jobs;
    }

    public Schedule schedule() {
        return schedule;
    }

    /**
     * Ingests now, on request: the sources given, else the configured ones, without skipping
     * unchanged ones. Refused with {@code CONFLICT} while another job runs.
     */
    public IngestRun ingest(List<String> sources, Jobs.Reaction reaction, Trigger trigger) {
        IngestRun run = runner.run(Job.INGEST, trigger, () -> jobs.ingest(sources, reaction, false, logged(Job.INGEST)), jobs::describe);
        LOG.info("ingest ({}): {}", trigger.label(), run.summary());
        return run;
    }

    /** Every job's state, with the next run of the scheduled ones; jobs that never ran and are not scheduled are left out. */
    public List<JobState> states() {
        List<JobState> states = new ArrayList<>();
        for (JobState state : runner.states()) {
            Optional<Instant> next;
            synchronized (this) {
                next = Optional.ofNullable(due.get(state.job()));
            }
            if (next.isPresent() || state.lastRun().isPresent() || state.runningSince().isPresent()) {
                states.add(state.withNextRun(next));
            }
        }
        return states;
    }

    /** What runs when, in words. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!schedule.sources().isEmpty()) {
            parts.add("ingest of %s every %s".formatted(String.join(", ", schedule.sources()), words(schedule.every())));
        }
        schedule.dailyDigestAt().ifPresent(time -> parts.add("daily digests at %s UTC".formatted(time)));
        schedule.weeklyDigestAt().ifPresent(time -> parts.add("weekly digests on %s UTC".formatted(time)));
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    /** Runs what is due now (the thread calls it every tick). */
    void runDue() {
        for (Job job : schedule.jobs()) {
            if (closing.getCount() == 0) {
                return;
            }
            Instant started = clock.instant();
            synchronized (this) {
                if (started.isBefore(due.get(job))) {
                    continue;
                }
            }
            try {
                Optional<String> summary = runScheduled(job);
                if (summary.isEmpty()) {
                    continue; // another job is running: still due, tried at the next tick
                }
                Instant next = schedule.next(job, started, clock.instant());
                setDue(job, next);
                LOG.info("{}: {} (next at {})", job.label(), summary.get(), next);
            } catch (RuntimeException e) {
                int failures = Math.max(1, runner.state(job).consecutiveFailures());
                Instant next = clock.instant().plus(backoff(failures, schedule.period(job)));
                setDue(job, next);
                if (e instanceof SpendlensException spendlens) {
                    LOG.warn("{} failed [{}]: {}; tried again at {}", job.label(), spendlens.code(), spendlens.getMessage(), next);
                } else {
                    LOG.error("{} failed [INTERNAL_ERROR]: {}; tried again at {} (this is a Spendlens bug)", job.label(), e, next, e);
                }
            }
        }
    }

    private Optional<String> runScheduled(Job job) {
        return switch (job) {
            case INGEST -> runner.tryRun(job, Trigger.SCHEDULE, () -> jobs.ingest(schedule.sources(), Jobs.Reaction.ALERT, true, logged(job)), jobs::describe)
                    .map(IngestRun::summary);
            case DAILY_DIGEST -> digest(job, Frequency.DAILY);
            case WEEKLY_DIGEST -> digest(job, Frequency.WEEKLY);
            case ANOMALY_DETECTION, ANOMALY_NOTIFY, BUDGET_CHECK -> throw new IllegalStateException(job.label() + " is never scheduled");
        };
    }

    private Optional<String> digest(Job job, Frequency frequency) {
        return runner.tryRun(job, Trigger.SCHEDULE, () -> jobs.digest(frequency), report -> JobRunner.Done.of(words(report))).map(Scheduler::words);
    }

    /** The wait before the {@code failures}-th retry: the tick, doubled for each further failure, at most the job's period. */
    Duration backoff(int failures, Duration period) {
        Duration wait = tick.multipliedBy(1L << Math.min(failures - 1, 30));
        return wait.compareTo(period) > 0 ? period : wait;
    }

    private synchronized void setDue(Job job, Instant next) {
        due.put(job, next);
    }

    private void loop() {
        try {
            while (closing.getCount() > 0) {
                runDue();
                if (closing.await(tick.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the scheduler stopped on an unexpected failure (this is a Spendlens bug)", e);
        }
    }

    /** Stops the thread: the running job is asked to stop at its next step (an ingest cut short leaves the store as it was), and waited for. */
    @Override
    public void close() {
        Optional<Thread> running;
        synchronized (this) {
            running = thread;
        }
        closing.countDown();
        runner.stop();
        jobs.stop();
        if (running.isPresent()) {
            try {
                running.get().join(STOP_WAIT.toMillis());
                if (running.get().isAlive()) {
                    LOG.warn("the scheduler's job did not stop within {} s; leaving it", STOP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static JobProgress logged(Job job) {
        return new JobProgress() {
            @Override
            public void note(String line) {
                LOG.debug("{}: {}", job.label(), line);
            }

            @Override
            public void filesRead(int filesDone, int fileCount, List<String> origins, long rows, long bedrockRows, Duration took) {
                LOG.debug("{}: {}/{} files read, {} rows", job.label(), filesDone, fileCount, rows);
            }

            @Override
            public void periodReplaced(PeriodSummary period) {
                LOG.info("{}: period {} of payer {} {}", job.label(), period.billingPeriod(), period.payerAccountId(), period.restated() ? "replaced (restated)" : "stored");
            }
        };
    }

    static String words(DispatchReport report) {
        return "%d delivered, %d deferred".formatted(report.delivered(), report.deferred());
    }

    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
