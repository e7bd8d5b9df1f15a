package dev.spendlens.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The detector on synthetic series whose anomalies are known. Every series is 100 USD a weekday
 * with noise of sigma 0.15 unless a test says otherwise; day 0 is Monday 2026-03-02.
 */
class AnomalyDetectorTest {
    private final AnomalyDetector detector = new AnomalyDetector(DetectionSettings.defaults(), HolidayCalendar.none());

    @Test
    void flagsASpikeOnItsFirstDay() {
        double[] values = Series.daily(200, 100, 0.4, 1);
        values[150] *= 4;
        values[151] *= 2;

        List<SeriesAnomaly> found = detector.detect(Series.of("alice", values));

        assertThat(found).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.SPIKE);
            assertThat(anomaly.startIndex()).isEqualTo(150);
            assertThat(anomaly.start().toLocalDate()).isEqualTo(LocalDate.of(2026, 7, 30));
            assertThat(anomaly.expected()).isBetween(70.0, 140.0);
            assertThat(anomaly.actual()).isGreaterThan(300);
            assertThat(anomaly.score()).isGreaterThan(4);
        });
    }

    @Test
    void learnsTheWeeklyPatternSoWeekendsAndMondaysStayQuiet() {
        assertThat(detector.detect(Series.of("busy-weekdays", Series.daily(300, 100, 0.2, 2)))).isEmpty();
        assertThat(detector.detect(Series.of("busy-weekends", Series.daily(300, 100, 3.0, 3)))).isEmpty();
    }

    @Test
    void takesALastingStepAsALevelShiftAndThenAsTheNewBaseline() {
        double[] values = Series.daily(240, 100, 0.5, 4);
        for (int day = 120; day < values.length; day++) {
            values[day] *= 2.2;
        }

        List<SeriesAnomaly> found = detector.detect(Series.of("support-bot", values));

        assertThat(found).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.LEVEL_SHIFT);
            assertThat(anomaly.startIndex()).isBetween(120, 122);
            assertThat(anomaly.ongoing()).isTrue();
            assertThat(anomaly.explanation()).contains("stepped up").contains("new level is the baseline");
        });
    }

    @Test
    void findsASlowDriftNoSingleDayOfWhichStandsOut() {
        double[] values = Series.daily(240, 100, 0.5, 5);
        for (int day = 100; day < values.length; day++) {
            values[day] *= 1 + Math.min(1.0, (day - 100 + 1) / 28.0);
        }

        List<SeriesAnomaly> found = detector.detect(Series.of("contract-review", values));

        assertThat(found).extracting(SeriesAnomaly::kind).contains(AnomalyKind.DRIFT);
        SeriesAnomaly drift = found.stream().filter(anomaly -> anomaly.kind() == AnomalyKind.DRIFT).findFirst().orElseThrow();
        assertThat(drift.startIndex()).isBetween(90, 130);
        assertThat(drift.explanation()).contains("climbed");
    }

    @Test
    void flagsANewSeriesFromItsFirstDayWithoutHistory() {
        double[] values = new double[120];
        double[] spending = Series.daily(40, 300, 1, 6);
        System.arraycopy(spending, 0, values, 80, 40);

        List<SeriesAnomaly> found = detector.detect(Series.of("new-api-key", values));

        assertThat(found).first().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.NEW_SERIES);
            assertThat(anomaly.startIndex()).isEqualTo(80);
            assertThat(anomaly.expected()).isZero();
        });
    }

    @Test
    void flagsARunawayGrowingHourOverHour() {
        double[] values = Series.hourly(60, 10, 7);
        int start = 50 * 24 + 20;
        for (int hour = 0; hour < 24; hour++) {
            values[start + hour] += 5 * Math.pow(1.2, hour);
        }

        List<SeriesAnomaly> found = detector.detect(Series.hourlyOf("agent", values));

        assertThat(found).anySatisfy(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.RUNAWAY);
            assertThat(anomaly.startIndex()).isBetween(start, start + 12);
            assertThat(anomaly.explanation()).contains("rose hour after hour");
        });
    }

    @Test
    void expectsAWeekendOnAHolidayOfTheCalendar() {
        // A consumer app busy at weekends: on a weekday holiday it is just as busy.
        double[] values = Series.daily(200, 100, 3.0, 8);
        int holiday = 150; // a Thursday
        values[holiday] = 300 * Math.exp(0.05);
        LocalDate day = Series.START.plusDays(holiday);

        List<SeriesAnomaly> without = detector.detect(Series.of("app", values));
        List<SeriesAnomaly> with = new AnomalyDetector(DetectionSettings.defaults(), new HolidayCalendar(Set.of(day))).detect(Series.of("app", values));

        assertThat(without).extracting(SeriesAnomaly::startIndex).contains(holiday);
        assertThat(with).extracting(SeriesAnomaly::startIndex).doesNotContain(holiday);
    }

    @Test
    void anEarlierAnomalyDoesNotRaiseTheBaselineOfTheNextOne() {
        double[] values = Series.daily(200, 100, 1, 9);
        for (int day = 140; day < 143; day++) {
            values[day] *= 6;
        }
        values[146] *= 2.2;

        List<SeriesAnomaly> found = detector.detect(Series.of("bob", values));

        assertThat(found).extracting(SeriesAnomaly::startIndex).containsExactly(140, 146);
        assertThat(found.get(1).expected()).isBetween(70.0, 130.0);
    }

    @Test
    void givesTheSameAnomaliesForTheSameData() {
        double[] values = Series.daily(200, 100, 0.4, 10);
        values[120] *= 5;
        assertThat(detector.detect(Series.of("x", values.clone()))).isEqualTo(detector.detect(Series.of("x", values.clone())));
    }

    @Test
    void explainsWhatBaselineWasExpectedAndWhy() {
        double[] values = Series.daily(200, 100, 0.4, 11);
        values[150] *= 4;

        SeriesAnomaly spike = detector.detect(Series.of("alice", values)).get(0);

        assertThat(spike.explanation()).contains("median of the last 14 days").contains("for a Thursday").contains("times the usual noise")
                .contains("by chance about once in");
    }

    @Test
    void aRenamedSessionOfTheSameRoleIsNotNewSpendButARoleThatSpendsMoreIs() {
        // Sessions of one role: a runs days 0-99, b takes over on day 100 with the same spend.
        double[] a = Series.daily(160, 100, 1, 12);
        double[] b = new double[160];
        for (int day = 100; day < 160; day++) {
            b[day] = a[day];
            a[day] = 0;
        }
        // Another role whose new session adds spend on day 120.
        double[] c = Series.daily(160, 100, 1, 13);
        double[] d = new double[160];
        for (int day = 120; day < 160; day++) {
            d[day] = 400;
        }
        List<TimeSeries> monitor = List.of(Series.grouped("role-a/session-1", "role-a", a), Series.grouped("role-a/session-2", "role-a", b),
                Series.grouped("role-c/session-1", "role-c", c), Series.grouped("role-c/session-2", "role-c", d));

        List<SeriesAnomaly> found = detector.detect(monitor);

        assertThat(found).extracting(SeriesAnomaly::key, SeriesAnomaly::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("role-c/session-2", AnomalyKind.NEW_SERIES));
    }

    @Test
    void aRoleRotatingManySessionsIsQuietUntilOneOfThemRunsAway() {
        // 50 sessions of one agent role run at any time, each for 3 days at about 40 a day: the role spends about 2,000 a day
        // and moves by more than one session's spend from one day to the next. On day 140 one more session spends 2,000 a day.
        java.util.Random random = new java.util.Random(21);
        int days = 160;
        List<TimeSeries> monitor = new java.util.ArrayList<>();
        for (int slot = 0; slot < 50; slot++) {
            for (int first = -(slot % 3); first < days; first += 3) {
                double[] values = new double[days];
                for (int day = Math.max(0, first); day < Math.min(days, first + 3); day++) {
                    values[day] = 40 * Math.exp(0.15 * random.nextGaussian());
                }
                monitor.add(Series.grouped("agent/session-" + slot + "-" + first, "agent", values));
            }
        }
        double[] runaway = new double[days];
        for (int day = 140; day < 143; day++) {
            runaway[day] = 2_000;
        }
        monitor.add(Series.grouped("agent/session-runaway", "agent", runaway));

        List<SeriesAnomaly> found = detector.detect(monitor);

        assertThat(found).extracting(SeriesAnomaly::key, SeriesAnomaly::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("agent/session-runaway", AnomalyKind.NEW_SERIES));
    }
}
