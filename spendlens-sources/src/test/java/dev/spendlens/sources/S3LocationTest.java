package dev.spendlens.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import org.junit.jupiter.api.Test;

class S3LocationTest {
    @Test
    void splitsBucketAndPrefix() {
        S3Location location = S3Location.parse("s3://billing-exports/cur2/bedrock-cur");

        assertThat(location.bucket()).isEqualTo("billing-exports");
        assertThat(location.prefix()).isEqualTo("cur2/bedrock-cur");
        assertThat(location.folderPrefix()).isEqualTo("cur2/bedrock-cur/");
        assertThat(location.uri("cur2/x.parquet")).isEqualTo("s3://billing-exports/cur2/x.parquet");
    }

    @Test
    void takesAWholeBucketWithOrWithoutTrailingSlash() {
        assertThat(S3Location.parse("s3://billing-exports").folderPrefix()).isEmpty();
        assertThat(S3Location.parse("s3://billing-exports/").folderPrefix()).isEmpty();
        assertThat(S3Location.parse("S3://billing-exports/cur2/").folderPrefix()).isEqualTo("cur2/");
    }

    @Test
    void recognisesS3SourcesWhateverTheSchemeCase() {
        assertThat(S3Location.isS3("s3://b/p")).isTrue();
        assertThat(S3Location.isS3("S3://b/p")).isTrue();
        assertThat(S3Location.isS3("s3a://b/p")).isFalse();
        assertThat(S3Location.isS3("./s3")).isFalse();
    }

    @Test
    void rejectsAMissingBucketName() {
        assertThatThrownBy(() -> S3Location.parse("s3:///cur2"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("write it as s3://bucket/prefix");
    }
}
