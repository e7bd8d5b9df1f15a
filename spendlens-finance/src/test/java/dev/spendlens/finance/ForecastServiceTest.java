package dev.spendlens.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecasts of a generated organisation (3 months, 20 principals), through the store and the cost query engine. */
class ForecastServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static GeneratedOrganisation organisation;
    static ForecastService service;

    @BeforeAll
    static void ingest() {
        organisation = new GeneratedOrganisation(folder, 3, 20, 3);
        organisation.ingestFinal();
        service = new ForecastService(organisation.access());
    }

    @AfterAll
    static void close() {
        organisation.close();
    }

    @Test
    void forecastsEveryTeamAndTheTotalInGetCostForecastsShape() throws Exception {
        JsonNode request = JSON.readTree("""
                {"TimePeriod": {"Start": "2026-10-16", "End": "2026-11-01"}, "Metric": "UNBLENDED_COST", "Granularity": "DAILY",
                 "PredictionIntervalLevel": 95, "GroupBy": [{"Type": "ALLOCATION", "Key": "team"}], "AsOf": "2026-10-15"}""");

        ForecastAnswer answer = service.forecast(CostForecastJson.parse(request, organisation.access().fields()));
        JsonNode body = CostForecastJson.write(answer);

        assertThat(answer.dataThrough()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(body.at("/Total/Unit").asText()).isEqualTo("USD");
        assertThat(body.get("ForecastResultsByTime")).hasSize(16);
        JsonNode first = body.at("/ForecastResultsByTime/0");
        assertThat(first.at("/TimePeriod/Start").asText()).isEqualTo("2026-10-16");
        assertThat(new BigDecimal(first.get("PredictionIntervalLowerBound").asText())).isLessThanOrEqualTo(new BigDecimal(first.get("MeanValue").asText()));
        assertThat(new BigDecimal(first.get("PredictionIntervalUpperBound").asText())).isGreaterThanOrEqualTo(new BigDecimal(first.get("MeanValue").asText()));
        assertThat(body.get("Groups").size()).isGreaterThanOrEqualTo(5);
        assertThat(body.at("/Groups/0/Keys/0").asText()).isNotBlank();
        assertThat(body.at("/Groups/0/Method").asText()).isNotBlank();
    }

    @Test
    void theForecastOfTheRestOfAMonthIsCloseToWhatHappened() {
        ForecastRequest request = new ForecastRequest(new TimePeriod(LocalDate.of(2026, 10, 16), LocalDate.of(2026, 11, 1)), Granularity.MONTHLY, Metric.UNBLENDED_COST,
                Optional.empty(), Optional.empty(), 95, Optional.of(LocalDate.of(2026, 10, 15)), 10);

        ForecastAnswer answer = service.forecast(request);
        BigDecimal actual = organisation.access().engine().run(new CostQuery(request.period(), Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(),
                Optional.empty())).resultsByTime().get(0).total().get(Metric.UNBLENDED_COST).amount();

        assertThat(answer.total().buckets()).hasSize(1);
        double mean = answer.total().periodTotal().mean();
        assertThat(Math.abs(mean - actual.doubleValue()) / actual.doubleValue()).isLessThan(0.25);
    }

    @Test
    void projectsTheMonthAndQuarterFromActualToDateAndNamesWhatGrows() {
        List<Projection> projections = service.project(Optional.of(organisation.access().fields().parse("team")), Optional.empty(), Metric.UNBLENDED_COST, 80,
                Optional.of(LocalDate.of(2026, 10, 15)), 10);

        assertThat(projections).hasSizeGreaterThanOrEqualTo(5);
        for (Projection projection : projections) {
            assertThat(projection.month()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(projection.quarter()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(projection.monthEnd().lower()).isGreaterThanOrEqualTo(projection.monthToDate().doubleValue() - 1e-6);
            assertThat(projection.quarterEnd().mean()).isGreaterThanOrEqualTo(projection.monthEnd().mean() - 1e-6);
        }
        assertThat(projections.stream().flatMap(projection -> projection.drivers().stream()))
                .isNotEmpty()
                .allSatisfy(driver -> {
                    assertThat(driver.dimension()).isIn("PRINCIPAL", "MODEL");
                    assertThat(driver.change()).isPositive();
                });
    }

    @Test
    void refusesAPeriodThatStartsBeforeTheDataEnds() {
        ForecastRequest request = new ForecastRequest(new TimePeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)), Granularity.DAILY, Metric.UNBLENDED_COST,
                Optional.empty(), Optional.empty(), 80, Optional.empty(), 10);

        assertThatThrownBy(() -> service.forecast(request)).hasMessageContaining("must be after the last day of data, 2026-10-31");
    }
}
