package dev.spendlens.duckdb.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.anomaly.Feedback;
import dev.spendlens.anomaly.MonitorDefinition;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.AnomalyKind;
import dev.spendlens.detection.Contribution;
import dev.spendlens.duckdb.testing.TestStore;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyRepositoryTest {
    private static final Instant FIRST = Instant.parse("2026-09-15T06:00:00Z");
    private static final Instant LATER = Instant.parse("2026-09-16T06:00:00Z");

    @TempDir
    Path folder;
    TestStore store;
    AnomalyRepository repository;

    @BeforeEach
    void open() {
        store = new TestStore(folder);
        repository = new AnomalyRepository(store.store());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static CostAnomaly anomaly(String id, String monitor, String day, String actual) {
        LocalDateTime start = LocalDateTime.parse(day + "T00:00");
        return new CostAnomaly(id, monitor, Granularity.DAILY, "alice", AnomalyKind.SPIKE, start, start.plusDays(1), false, new BigDecimal("40"),
                new BigDecimal(actual), 6.5, "rare", "because", Optional.of("ml"),
                List.of(new Contribution("alice", "Opus", "OUTPUT", "111", new BigDecimal("30"), new BigDecimal(actual).subtract(new BigDecimal("10"))),
                        new Contribution("alice", "Opus", "INPUT", "111", new BigDecimal("10"), new BigDecimal("10"))),
                FIRST, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void keepsAnomaliesWithTheirRootCauseExactly() {
        repository.save(List.of(anomaly("an-1", "principals", "2026-09-14", "140.25")), FIRST);

        CostAnomaly stored = repository.find("an-1").orElseThrow();

        assertThat(stored.actual()).isEqualByComparingTo("140.25");
        assertThat(stored.impact()).isEqualByComparingTo("100.25");
        assertThat(stored.rootCause()).extracting(Contribution::tokenType).containsExactly("OUTPUT", "INPUT");
        assertThat(stored.rootCause().stream().map(Contribution::change).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(stored.impact());
        assertThat(stored.owner()).contains("ml");
    }

    @Test
    void countsEachIdOnceAgainstWhatWasStoredBefore() {
        List<CostAnomaly> twice = List.of(anomaly("an-1", "principals", "2026-09-14", "140"), anomaly("an-1", "principals", "2026-09-14", "150"));

        AnomalyRepository.Saved first = repository.save(twice, FIRST);
        AnomalyRepository.Saved again = repository.save(twice, LATER);

        assertThat(List.of(first.created(), first.changed(), again.created(), again.changed())).containsExactly(1, 0, 0, 0);
        assertThat(repository.find("an-1").orElseThrow().actual()).as("the last one is kept").isEqualByComparingTo("150");
    }

    @Test
    void aGrownAnomalyKeepsItsFirstDetectionAndItsFeedback() {
        AnomalyRepository.Saved first = repository.save(List.of(anomaly("an-1", "principals", "2026-09-14", "140")), FIRST);
        repository.feedback("an-1", Feedback.PLANNED_ACTIVITY, Optional.of("load test"), FIRST);

        AnomalyRepository.Saved grown = repository.save(List.of(anomaly("an-1", "principals", "2026-09-14", "300").withDetectedAt(LATER)), LATER);
        AnomalyRepository.Saved same = repository.save(List.of(anomaly("an-1", "principals", "2026-09-14", "300").withDetectedAt(LATER)), LATER);

        assertThat(List.of(first.created(), first.changed(), grown.created(), grown.changed(), same.created(), same.changed())).containsExactly(1, 0, 0, 1, 0, 0);

        CostAnomaly stored = repository.find("an-1").orElseThrow();
        assertThat(stored.actual()).isEqualByComparingTo("300");
        assertThat(stored.detectedAt()).isEqualTo(FIRST);
        assertThat(stored.feedback()).contains(Feedback.PLANNED_ACTIVITY);
        assertThat(stored.feedbackNote()).contains("load test");
        assertThat(repository.lastPlanned("principals", "alice")).contains(LocalDateTime.parse("2026-09-15T00:00"));
        assertThat(repository.lastPlanned("teams", "alice")).isEmpty();
    }

    @Test
    void listsByPeriodAndMonitorLatestFirst() {
        repository.save(List.of(anomaly("an-1", "principals", "2026-09-01", "100"), anomaly("an-2", "principals", "2026-09-10", "100"),
                anomaly("an-3", "teams", "2026-09-10", "100")), FIRST);

        assertThat(repository.list(Optional.empty(), Optional.empty(), Optional.empty())).extracting(CostAnomaly::id).containsExactly("an-2", "an-3", "an-1");
        assertThat(repository.list(Optional.of(LocalDateTime.parse("2026-09-05T00:00")), Optional.empty(), Optional.of("principals")))
                .extracting(CostAnomaly::id).containsExactly("an-2");
        assertThat(repository.list(Optional.empty(), Optional.of(LocalDateTime.parse("2026-09-10T00:00")), Optional.empty())).extracting(CostAnomaly::id)
                .containsExactly("an-1");
    }

    @Test
    void feedbackOnAnUnknownAnomalyIsNotFound() {
        assertThatThrownBy(() -> repository.feedback("an-nope", Feedback.YES, Optional.empty(), FIRST)).isInstanceOf(SpendlensException.class)
                .hasMessageContaining("no anomaly an-nope");
    }

    @Test
    void keepsMonitorsCreatedThroughTheApi() {
        repository.saveMonitor(new MonitorDefinition("prod", Optional.empty(), Optional.of("{\"Dimensions\":{}}"), false, "api"), FIRST);
        repository.saveMonitor(new MonitorDefinition("callers", Optional.of("PRINCIPAL"), Optional.empty(), true, "api"), FIRST);

        assertThat(repository.monitors()).extracting(MonitorDefinition::name).containsExactly("callers", "prod");
        assertThat(repository.deleteMonitor("prod")).isTrue();
        assertThat(repository.deleteMonitor("prod")).isFalse();
        assertThat(repository.monitors()).extracting(MonitorDefinition::name).containsExactly("callers");
    }
}
