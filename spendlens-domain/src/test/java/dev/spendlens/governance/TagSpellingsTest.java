package dev.spendlens.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TagSpellingsTest {
    @Test
    void groupsCaseSeparatorAndOneLetterVariantsAndSuggestsTheNormalisedSpelling() {
        // value         spend
        // data-science  900
        // DataScience   120
        // data_science   30
        // platform      400
        // platfrom       10   (one letter off)
        // ml / ai        5 each (too short to compare by letters)
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("data-science", new BigDecimal("900"));
        values.put("DataScience", new BigDecimal("120"));
        values.put("data_science", new BigDecimal("30"));
        values.put("platform", new BigDecimal("400"));
        values.put("platfrom", new BigDecimal("10"));
        values.put("ml", new BigDecimal("5"));
        values.put("ai", new BigDecimal("5"));
        values.put("41020", new BigDecimal("5"));
        values.put("61020", new BigDecimal("5"));

        List<TagSpellings.Group> groups = TagSpellings.find(values);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).suggested()).isEqualTo("data-science");
        assertThat(groups.get(0).spend().keySet()).containsExactly("data-science", "DataScience", "data_science");
        assertThat(groups.get(1).suggested()).isEqualTo("platform");
        assertThat(groups.get(1).spend().keySet()).containsExactly("platform", "platfrom");
    }

    @Test
    void suggestsTheNormalisedFormWhenNoSpellingIsNormalised() {
        List<TagSpellings.Group> groups = TagSpellings.find(Map.of("FinanceAI", BigDecimal.TEN, "Finance_AI", BigDecimal.ONE));

        assertThat(groups).singleElement().extracting(TagSpellings.Group::suggested).isEqualTo("finance-ai");
    }
}
