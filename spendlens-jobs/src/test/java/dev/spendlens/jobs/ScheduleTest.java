package dev.spendlens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.config.WeeklyTime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * When jobs are due. 2026-09-14 is a Monday.
 *
 * <pre>
 * job            setting          started or now          next
 * ingest         every 6h         Mon 09:10               Mon 15:10
 * daily digest   08:00            Mon 07:59 / 08:00       Mon 08:00 / Tue 08:00
 * weekly digest  friday 17:30     Mon 09:00 / Fri 17:30   Fri 17:30 / next Fri 17:30
 * </pre>
 */
class ScheduleTest {
    private static final Schedule SCHEDULE = new Schedule(List.of("s3://billing/cur"), Duration.ofHours(6), Optional.of(LocalTime.of(8, 0)),
            Optional.of(new WeeklyTime(DayOfWeek.FRIDAY, LocalTime.of(17, 30))));

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void ingestsAtStartUpThenEveryPeriodAfterTheRunStarted() {
        assertThat(SCHEDULE.first(Job.INGEST, at("2026-09-14T09:10:00Z"), Optional.empty())).isEqualTo(at("2026-09-14T09:10:00Z"));
        assertThat(SCHEDULE.next(Job.INGEST, at("2026-09-14T09:10:00Z"), at("2026-09-14T09:12:30Z"))).isEqualTo(at("2026-09-14T15:10:00Z"));
    }

    @Test
    void digestsGoAtTheirNextTimeOfDayOrDayOfWeekInUtc() {
        assertThat(SCHEDULE.first(Job.DAILY_DIGEST, at("2026-09-14T07:59:00Z"), Optional.empty())).isEqualTo(at("2026-09-14T08:00:00Z"));
        assertThat(SCHEDULE.next(Job.DAILY_DIGEST, at("2026-09-14T08:00:00Z"), at("2026-09-14T08:00:00Z"))).isEqualTo(at("2026-09-15T08:00:00Z"));
        assertThat(SCHEDULE.first(Job.WEEKLY_DIGEST, at("2026-09-14T09:00:00Z"), Optional.empty())).isEqualTo(at("2026-09-18T17:30:00Z"));
        assertThat(SCHEDULE.next(Job.WEEKLY_DIGEST, at("2026-09-18T17:30:00Z"), at("2026-09-18T17:30:02Z"))).isEqualTo(at("2026-09-25T17:30:00Z"));
    }

    @Test
    void aDigestMissedWhileStoppedGoesAtStartUpButOnlyWhenItRanBefore() {
        Instant now = at("2026-09-14T10:00:00Z");

        assertThat(SCHEDULE.first(Job.DAILY_DIGEST, now, Optional.of(at("2026-09-13T08:00:01Z")))).as("Monday's 08:00 was missed").isEqualTo(now);
        assertThat(SCHEDULE.first(Job.DAILY_DIGEST, now, Optional.of(at("2026-09-14T08:00:01Z")))).isEqualTo(at("2026-09-15T08:00:00Z"));
        assertThat(SCHEDULE.first(Job.DAILY_DIGEST, now, Optional.empty())).as("never ran: no history to catch up").isEqualTo(at("2026-09-15T08:00:00Z"));
        assertThat(SCHEDULE.first(Job.WEEKLY_DIGEST, now, Optional.of(at("2026-09-11T17:30:05Z")))).isEqualTo(at("2026-09-18T17:30:00Z"));
    }

    @Test
    void schedulesOnlyWhatIsConfigured() {
        assertThat(SCHEDULE.jobs()).containsExactly(Job.INGEST, Job.DAILY_DIGEST, Job.WEEKLY_DIGEST);
        assertThat(Schedule.none().jobs()).isEmpty();
        assertThat(new Schedule(List.of(), Duration.ofHours(1), Optional.of(LocalTime.NOON), Optional.empty()).jobs()).containsExactly(Job.DAILY_DIGEST);
    }
}
