package dev.spendlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spendlens.sources.LocalS3;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./spendlens ingest s3://...} against a real S3-compatible server (S3Proxy, signatures
 * checked), configured the way a user would: endpoint and path style from environment variables,
 * credentials from the AWS default chain.
 */
class IngestFromS3Test {
    @RegisterExtension
    final LocalS3 s3proxy = new LocalS3();

    @TempDir
    Path folder;

    @Test
    void ingestsAnExportFromAnS3PrefixLikeFromALocalFolder() throws Exception {
        Path export = folder.resolve("export");
        CliRun generated = CliRun.of(Map.of(), "generate", "--out", export.toString(), "--months", "1", "--principals", "10", "--granularity", "DAILY");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        upload(export.resolve("spendlens-demo"), "billing", "cur/spendlens-demo");

        URI endpoint = s3proxy.endpoint();
        Map<String, String> s3 = Map.of("SPENDLENS_STORE_PATH", folder.resolve("s3.duckdb").toString(), "SPENDLENS_INGEST_S3_ENDPOINT", endpoint.toString(),
                "SPENDLENS_INGEST_S3_PATH_STYLE", "true", "SPENDLENS_INGEST_S3_REGION", "us-east-1");
        Map<String, String> local = Map.of("SPENDLENS_STORE_PATH", folder.resolve("local.duckdb").toString());
        CliRun fromS3 = CliRun.of(s3, "ingest", "s3://billing/cur/spendlens-demo");
        CliRun fromDisk = CliRun.of(local, "ingest", export.resolve("spendlens-demo").toString());

        assertThat(fromS3.exitCode()).as(fromS3.err()).isZero();
        assertThat(fromS3.err()).contains("s3://billing/cur/spendlens-demo");
        String[] args = {"report", "--from", "2026-10-01", "--to", "2026-11-01", "--group-by", "team", "--format", "csv"};
        assertThat(CliRun.of(s3, args).out()).isEqualTo(CliRun.of(local, args).out()).contains("__unattributed_no_caller__");
    }

    @Test
    void aWrongSecretIsAnExternalFailureNamingS3() {
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        Map<String, String> s3 = Map.of("SPENDLENS_STORE_PATH", folder.resolve("s3.duckdb").toString(), "SPENDLENS_INGEST_S3_ENDPOINT", s3proxy.endpoint().toString(),
                "SPENDLENS_INGEST_S3_PATH_STYLE", "true", "SPENDLENS_INGEST_S3_REGION", "us-east-1");
        CliRun run = CliRun.of(s3, "ingest", "s3://billing/cur/spendlens-demo");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("EXTERNAL_FAILURE");
    }

    private void upload(Path root, String bucket, String prefix) throws Exception {
        try (S3Client client = s3proxy.uploader();
                Stream<Path> files = Files.walk(root)) {
            client.createBucket(request -> request.bucket(bucket));
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = prefix + "/" + root.relativize(file).toString().replace('\\', '/');
                client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
            }
        }
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
