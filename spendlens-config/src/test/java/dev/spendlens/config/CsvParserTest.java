package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void splitsRecordsKeepingTheLineEachStartsOn() {
        List<CsvParser.Record> records = CsvParser.parse("a,b\r\n\"c\r\nd\",\"e,f\"\rg,\"\"\"h\"\"\"\n,\n", "test");

        assertThat(records).containsExactly(
                new CsvParser.Record(1, List.of("a", "b")),
                new CsvParser.Record(2, List.of("c\nd", "e,f")),
                new CsvParser.Record(4, List.of("g", "\"h\"")),
                new CsvParser.Record(5, List.of("", "")));
    }

    @Test
    void keepsTheLastRecordWithoutLineEnd() {
        assertThat(CsvParser.parse("a,b\nc,\"\"", "test")).containsExactly(
                new CsvParser.Record(1, List.of("a", "b")),
                new CsvParser.Record(2, List.of("c", "")));
    }

    @Test
    void readsNothingFromEmptyText() {
        assertThat(CsvParser.parse("", "test")).isEmpty();
    }

    @Test
    void tellsBlankRecords() {
        assertThat(new CsvParser.Record(1, List.of("", " ")).blank()).isTrue();
        assertThat(new CsvParser.Record(1, List.of("", "x")).blank()).isFalse();
    }
}
