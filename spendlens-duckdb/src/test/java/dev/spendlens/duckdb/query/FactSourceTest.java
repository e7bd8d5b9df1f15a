package dev.spendlens.duckdb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.MatchOption;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Which table a question reads: the smallest rollup that holds every field it groups or filters by,
 * and the facts as soon as one field (charge type, account, resource) is not in a rollup.
 * ShortcutsTest checks that each of these reads gives what the days give.
 */
class FactSourceTest {
    private static final FieldParser FIELDS = new FieldParser(List.of("team", "project", "cost-center", "application"));

    // The FROM clause of a question grouped by the first field and filtered by a match on the others.
    private static String from(FactSource source, String groupBy, String... filteredBy) {
        source.expression(FIELDS.parse(groupBy));
        for (String field : filteredBy) {
            new FilterCompiler(source).compile(new Expression.Match(FIELDS.parse(field), List.of("x"), Set.of(MatchOption.EQUALS)));
        }
        source.within("usage_date", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), List.of("unblended_cost"));
        return source.from();
    }

    private static FactSource monthly() {
        return new FactSource(FactSource.Grain.MONTHLY, FactSource.Rollups.BY_LABEL);
    }

    private static FactSource daily() {
        return new FactSource(FactSource.Grain.DAILY, FactSource.Rollups.BY_LABEL);
    }

    @Test
    void ownerLabelsAloneReadTheLabelRollups() {
        assertThat(from(monthly(), "team")).contains("FROM cost_monthly_labels f").contains("JOIN owner_labels a");
        assertThat(from(daily(), "PERSON", "TAG:iamPrincipal/project")).contains("FROM cost_daily_labels f").contains("JOIN owner_labels a");
    }

    @Test
    void aPrincipalGroupedOrFilteredReadsTheOwnerRollups() {
        assertThat(from(monthly(), "PRINCIPAL")).contains("FROM cost_monthly_owners f").contains("JOIN allocations a");
        assertThat(from(daily(), "team", "PRINCIPAL")).contains("FROM cost_daily_owners f").contains("JOIN allocations a");
    }

    @Test
    void aChargeTypeAccountOrResourceFieldFallsBackToTheFacts() {
        assertThat(from(monthly(), "team", "MODEL")).contains("FROM cost_monthly f").contains("JOIN charge_types ct");
        assertThat(from(monthly(), "PRINCIPAL", "LINKED_ACCOUNT")).contains("FROM cost_monthly f");
        assertThat(from(daily(), "team", "RESOURCE_ID")).contains("FROM cost_daily f");
        assertThat(from(daily(), "TOKEN_TYPE")).contains("FROM cost_daily f");
    }

    @Test
    void staleRollupsAndHoursReadTheFactsAlone() {
        assertThat(from(new FactSource(FactSource.Grain.DAILY, FactSource.Rollups.NONE), "team")).contains("FROM cost_daily f").contains("JOIN allocations a");
        assertThat(from(new FactSource(FactSource.Grain.DAILY, FactSource.Rollups.BY_ALLOCATION), "team")).contains("FROM cost_daily_owners f");
        assertThat(from(new FactSource(FactSource.Grain.HOURLY, FactSource.Rollups.BY_LABEL), "team")).contains("FROM cost_hourly f");
        assertThatThrownBy(() -> new FactSource(FactSource.Grain.MONTHLY, FactSource.Rollups.NONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
