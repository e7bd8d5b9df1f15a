package dev.spendlens.sources;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sources that come from elsewhere than the command line (the REST API) are checked before anything is read. */
class SourceFormTest {
    @ParameterizedTest
    @ValueSource(strings = {"s3://billing-exports/cur2/acme", "S3://billing-exports", "/srv/exports/cur", "/tmp/missing/is/found/when/read"})
    void acceptsS3UrisAndAbsolutePaths(String source) {
        assertThatCode(() -> ExportSources.checkForm(source)).doesNotThrowAnyException();
    }

    // source | what the message says
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            exports/cur         | source exports/cur is a relative path
            ftp://files/cur     | unsupported source ftp://files/cur
            s3:///cur           | is not a valid S3 source
            '   '               | is empty or holds control characters
            """)
    void refusesWhatCannotBeReadNamingIt(String source, String message) {
        assertThatThrownBy(() -> ExportSources.checkForm(source))
                .isInstanceOfSatisfying(SpendlensException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(message);
    }
}
