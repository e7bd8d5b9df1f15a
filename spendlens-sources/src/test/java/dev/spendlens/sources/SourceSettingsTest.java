package dev.spendlens.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceSettingsTest {
    @Test
    void defaultsToAwsS3ThroughTheDefaultChainsAndATemporaryDownloadFolder() {
        SourceSettings defaults = SourceSettings.defaults();

        assertThat(defaults.s3Region()).isEmpty();
        assertThat(defaults.s3Endpoint()).isEmpty();
        assertThat(defaults.s3PathStyle()).isFalse();
        assertThat(defaults.downloadDir()).isEmpty();
    }
}
