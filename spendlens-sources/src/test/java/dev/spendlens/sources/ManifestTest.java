package dev.spendlens.sources;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final String ORIGIN = "s3://billing/cur2/bedrock-cur/metadata/BILLING_PERIOD=2026-09/bedrock-cur-Manifest.json";

    private static Manifest parse(String json) {
        return Manifest.parse(json.getBytes(UTF_8), ORIGIN);
    }

    @Test
    void readsTheFieldsThatMakeADelivery() {
        Manifest manifest = parse("""
                {"exportName": "bedrock-cur", "executionId": "e-1", "deliveryTimestamp": "2026-10-02T06:14:09.123Z",
                 "billingPeriod": {"start": "2026-09-01T00:00:00.000Z", "end": "2026-10-01T00:00:00.000Z"},
                 "dataFiles": ["s3://billing/cur2/bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet"],
                 "columns": [{"name": "bill_bill_type", "type": "string"}]}
                """);

        assertThat(manifest.exportName()).isEqualTo("bedrock-cur");
        assertThat(manifest.executionId()).contains("e-1");
        assertThat(manifest.deliveredAt()).isEqualTo(Instant.parse("2026-10-02T06:14:09.123Z"));
        assertThat(manifest.dataFiles()).hasSize(1);
        assertThat(manifest.pathBelowData(manifest.dataFiles().get(0), ORIGIN))
                .isEqualTo("BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");
    }

    @Test
    void acceptsADeliveryTimestampWithAnOffset() {
        Manifest manifest = parse("{\"exportName\": \"x\", \"deliveryTimestamp\": \"2026-10-02T08:14:09+02:00\", \"dataFiles\": []}");

        assertThat(manifest.deliveredAt()).isEqualTo(Instant.parse("2026-10-02T06:14:09Z"));
        assertThat(manifest.executionId()).isEmpty();
    }

    @Test
    void namesTheManifestAndTheFieldThatIsWrong() {
        assertMalformed("not json", "not valid JSON");
        assertMalformed("[1, 2]", "not a JSON object");
        assertMalformed("{\"deliveryTimestamp\": \"2026-10-02T06:14:09Z\", \"dataFiles\": []}", "field 'exportName' is missing");
        assertMalformed("{\"exportName\": \"x\", \"dataFiles\": []}", "field 'deliveryTimestamp' is missing");
        assertMalformed("{\"exportName\": \"x\", \"deliveryTimestamp\": \"2026-10-02T06:14:09Z\"}", "field 'dataFiles' is missing or not a list");
        assertMalformed("{\"exportName\": \"x\", \"deliveryTimestamp\": \"2026-10-02T06:14:09Z\", \"dataFiles\": [7]}", "field 'dataFiles' holds 7");
    }

    @Test
    void rejectsADataFileOutsideTheExportsDataFolder() {
        Manifest manifest = parse("{\"exportName\": \"bedrock-cur\", \"deliveryTimestamp\": \"2026-10-02T06:14:09Z\", \"dataFiles\": [\"s3://b/other/x.parquet\"]}");

        assertThatThrownBy(() -> manifest.pathBelowData("s3://b/other/x.parquet", ORIGIN))
                .isInstanceOf(SpendlensException.class)
                .hasMessageContaining(ORIGIN)
                .hasMessageContaining("'dataFiles' lists 's3://b/other/x.parquet', which is not below 'bedrock-cur/data/'");
    }

    private static void assertMalformed(String json, String problem) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CUR_UNREADABLE_FILE))
                .hasMessageContaining("malformed manifest " + ORIGIN)
                .hasMessageContaining(problem)
                .hasMessageContaining("delete it to load the files of its folder without a manifest");
    }
}
