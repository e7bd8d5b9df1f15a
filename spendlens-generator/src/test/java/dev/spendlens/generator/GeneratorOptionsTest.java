package dev.spendlens.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {
    private static final Path OUT = Path.of("out");

    @Test
    void defaultsEndWithOctober2026WhateverTheDate() {
        GeneratorOptions options = GeneratorOptions.defaults(OUT);
        assertThat(options.out()).isEqualTo(OUT);
        assertThat(options.months()).isEqualTo(6);
        assertThat(options.principals()).isEqualTo(60);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.granularity()).isEqualTo(ExportGranularity.HOURLY);
        assertThat(options.format()).isEqualTo(OutputFormat.PARQUET);
        assertThat(options.targetRows()).isEmpty();
        assertThat(options.firstMonth()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(options.lastMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(options.exportName()).isEqualTo("spendlens-demo");
        assertThat(options.principalDataFrom()).isEqualTo(LocalDate.of(2026, 4, 8));
    }

    @Test
    void changingTheMonthsKeepsTheLastMonth() {
        GeneratorOptions options = GeneratorOptions.defaults(OUT).withMonths(3);
        assertThat(options.periods()).containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    }

    @Test
    void rejectsWhatCannotBeGenerated() {
        GeneratorOptions options = GeneratorOptions.defaults(OUT);
        assertInvalid(() -> options.withMonths(0), "months must be between 1 and 36");
        assertInvalid(() -> options.withPrincipals(3), "principals must be between 8 and 5000");
        assertInvalid(() -> options.withTargetRows(10), "rows must be between");
        assertInvalid(() -> options.withExportName("my export/../x"), "export name 'my export/../x' may only hold");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(SpendlensException.class).hasMessageContaining(message)
                .extracting(error -> ((SpendlensException) error).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
