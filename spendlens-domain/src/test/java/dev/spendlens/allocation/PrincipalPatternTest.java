package dev.spendlens.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrincipalPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # pattern                                         | value                                                                    | matches
            arn:aws:sts::*:assumed-role/SageMaker*/*          | arn:aws:sts::123456789012:assumed-role/SageMakerExecution/kim@acme.example | true
            arn:aws:sts::*:assumed-role/SageMaker*/*          | arn:aws:sts::123456789012:assumed-role/ChatbotRole/i-0abc                  | false
            arn:aws:sts::*:assumed-role/sagemaker*/*          | arn:aws:sts::123456789012:assumed-role/SageMakerExecution/kim              | true
            arn:aws:iam::123456789012:user/BedrockAPIKey-????  | arn:aws:iam::123456789012:user/BedrockAPIKey-234s                         | true
            arn:aws:iam::123456789012:user/BedrockAPIKey-????  | arn:aws:iam::123456789012:user/BedrockAPIKey-234                          | false
            arn:aws:iam::123456789012:user/a.b                 | arn:aws:iam::123456789012:user/axb                                        | false
            regex:.*@acme\\.example                            | kim@acme.example                                                          | true
            regex:.*@acme\\.example                            | kim@acme-example                                                          | false
            regex:KIM@.*                                       | kim@acme.example                                                          | true
            """)
    void matchesGlobsAndRegularExpressionsIgnoringCase(String pattern, String value, boolean matches) {
        assertThat(PrincipalPattern.of(pattern).matches(value)).isEqualTo(matches);
    }

    @Test
    void rejectsAnInvalidRegularExpressionNamingIt() {
        assertThatThrownBy(() -> PrincipalPattern.of("regex:(unclosed"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULES))
                .hasMessageContaining("'regex:(unclosed'");
    }
}
