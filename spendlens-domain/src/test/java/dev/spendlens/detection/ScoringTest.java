package dev.spendlens.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScoringTest {
    @Test
    void saysHowRareAScoreIsInWords() {
        assertThat(ScoreMeaning.describe(4, "day")).isEqualTo("4.0 times the usual noise above the baseline; by chance about once in 32,000 days");
        assertThat(ScoreMeaning.upperTail(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void scoresDetectionsAgainstLabelsWithDelay() {
        double[] values = Series.daily(120, 100, 1, 1);
        values[60] *= 5;
        values[90] *= 5;
        List<SeriesAnomaly> found = new AnomalyDetector(DetectionSettings.defaults(), HolidayCalendar.none()).detect(Series.of("alice", values));
        List<LabelledAnomaly> labels = List.of(new LabelledAnomaly("A1", "spike", "alice", Series.START.plusDays(60), Series.START.plusDays(60)),
                new LabelledAnomaly("A2", "spike", "bob", Series.START.plusDays(60), Series.START.plusDays(61)));

        DetectionScore score = DetectionScore.of(found, labels, key -> key);

        assertThat(score.detections()).isEqualTo(2);
        assertThat(score.trueDetections()).isEqualTo(1);
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.recall()).isEqualTo(0.5);
        assertThat(score.foundOnFirstDay()).isEqualTo(1);
        assertThat(score.missed()).containsExactly("A2 spike");
    }

    @Test
    void referenceDetectorsFlagAClearSpikeAfterTheirFourWeeks() {
        double[] values = Series.daily(120, 100, 0.5, 2);
        values[100] *= 5;
        for (ReferenceDetector.Method method : ReferenceDetector.Method.values()) {
            assertThat(new ReferenceDetector(method, 1).detect(Series.of("alice", values))).as(method.name())
                    .anySatisfy(anomaly -> assertThat(100).isBetween(anomaly.startIndex(), anomaly.endIndex()));
        }
    }
}
