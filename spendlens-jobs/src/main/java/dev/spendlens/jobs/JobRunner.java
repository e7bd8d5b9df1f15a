package dev.spendlens.jobs;

import static java.util.Objects.requireNonNull;

import dev.spendlens.duckdb.job.JobRunLog;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs one at a time, whoever asks (the scheduler, the REST API, the command line), and keeps
 * what each run did in the store ({@code job_runs}). Two ingests, or a detection and an ingest,
 * never write the store together: a second job is refused while one runs.
 */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobRunLog log;
    private final Clock clock;
    // A semaphore, not a lock: a job that asked for another job on its own thread must be refused too.
    private final Semaphore permit = new Semaphore(1);
    private final Map<Job, JobState> states = new EnumMap<>(Job.class);
    private volatile Optional<Running> running = Optional.empty();
    private volatile boolean stopped;

    public JobRunner(JobRunLog log, Clock clock) {
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
        for (Job job : Job.values()) {
            states.put(job, new JobState(job, Optional.empty(), log.last(job.label()), log.lastSucceeded(job.label()).map(JobRunLog.JobRun::startedAt),
                    Optional.empty(), 0, 0, 0));
        }
    }

    /**
     * What a finished run says about itself in the job log.
     *
     * @param message what it did, in one line
     * @param fingerprint for an ingest, the digest of the deliveries read
     * @param ingestionId for an ingest, the store's ingestion id after it
     */
    public record Done(String message, Optional<String> fingerprint, Optional<Long> ingestionId) {
        public Done {
            requireNonNull(message, "message is null");
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(ingestionId, "ingestionId is null");
        }

        public static Done of(String message) {
            return new Done(message, Optional.empty(), Optional.empty());
        }
    }

    private record Running(Job job, Trigger trigger, Instant since) {}

    /** Runs the work now, or refuses with {@link ErrorCode#CONFLICT} when another job is running. */
    public <T> T run(Job job, Trigger trigger, Supplier<T> work, Function<T, Done> describe) {
        return tryRun(job, trigger, work, describe).orElseThrow(() -> busy(job));
    }

    /**
     * Runs the work now, unless another job is running (then nothing happens and the answer is empty).
     * A failed run is recorded with its error code, and its exception thrown on.
     */
    public <T> Optional<T> tryRun(Job job, Trigger trigger, Supplier<T> work, Function<T, Done> describe) {
        requireNonNull(job, "job is null");
        requireNonNull(trigger, "trigger is null");
        if (stopped) {
            throw new SpendlensException(ErrorCode.STORE_UNAVAILABLE, "Spendlens is stopping: job %s was not started".formatted(job.label()));
        }
        if (!permit.tryAcquire()) {
            return Optional.empty();
        }
        Instant started = clock.instant();
        try {
            running = Optional.of(new Running(job, trigger, started));
            T result;
            try {
                result = work.get();
            } catch (SpendlensException e) {
                finished(job, trigger, started, Optional.of(e.code().name()), e.getMessage(), Done.of(e.getMessage()));
                throw e;
            } catch (RuntimeException e) {
                finished(job, trigger, started, Optional.of(ErrorCode.INTERNAL_ERROR.name()), String.valueOf(e), Done.of(String.valueOf(e)));
                throw e;
            }
            Done done = describe.apply(result);
            finished(job, trigger, started, Optional.empty(), done.message(), done);
            return Optional.of(result);
        } finally {
            running = Optional.empty();
            permit.release();
        }
    }

    /** Every job's state (next runs empty: the scheduler knows them). */
    public synchronized List<JobState> states() {
        List<JobState> all = new ArrayList<>();
        Optional<Running> now = running;
        for (JobState state : states.values()) {
            Optional<Instant> since = now.filter(run -> run.job() == state.job()).map(Running::since);
            all.add(new JobState(state.job(), since, state.lastRun(), state.lastSuccess(), Optional.empty(), state.consecutiveFailures(), state.runs(), state.failures()));
        }
        return all;
    }

    public synchronized JobState state(Job job) {
        return states().stream().filter(state -> state.job() == job).findFirst().orElseThrow();
    }

    /** Refuses every later run; the running one ends as its work allows. */
    public void stop() {
        stopped = true;
    }

    private void finished(Job job, Trigger trigger, Instant started, Optional<String> errorCode, String message, Done done) {
        JobRunLog.JobRun run = new JobRunLog.JobRun(job.label(), trigger.label(), started, clock.instant(),
                errorCode.isEmpty() ? JobRunLog.Outcome.SUCCEEDED : JobRunLog.Outcome.FAILED, errorCode, message, done.fingerprint(), done.ingestionId());
        synchronized (this) {
            JobState before = states.get(job);
            boolean failed = errorCode.isPresent();
            states.put(job, new JobState(job, Optional.empty(), Optional.of(run), failed ? before.lastSuccess() : Optional.of(started), Optional.empty(),
                    failed ? before.consecutiveFailures() + 1 : 0, before.runs() + 1, before.failures() + (failed ? 1 : 0)));
        }
        try {
            log.record(run);
        } catch (RuntimeException e) {
            // The store may be what failed: the run stays known in memory, and the log says why it is not kept.
            LOG.warn("could not keep the run of job {} in the store: {}", job.label(), e.getMessage());
        }
    }

    private SpendlensException busy(Job job) {
        String what = running.map(run -> "job %s (started %s by %s)".formatted(run.job().label(), run.since(), run.trigger().label())).orElse("another job");
        return new SpendlensException(ErrorCode.CONFLICT, "%s cannot start while %s is running: jobs run one at a time; try again when it ends (GET /healthz shows it)"
                .formatted(job.label(), what));
    }
}
