package dev.spendlens.sources;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for one test (S3Proxy, in memory, on 127.0.0.1, request signatures checked), and
 * its credentials offered through the AWS default chain ({@code aws.accessKeyId} and {@code aws.secretAccessKey}
 * system properties), as a user's environment would. Register it with {@code @RegisterExtension}; the system
 * properties it changes are restored after each test.
 */
public final class LocalS3 implements BeforeEachCallback, AfterEachCallback {
    public static final String ACCESS_KEY = "spendlens-test";
    public static final String SECRET_KEY = "spendlens-test-secret";
    private static final List<String> SYSTEM_PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region", "aws.disableEc2Metadata");

    private final S3ProxyExtension proxy = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    private final Map<String, Optional<String>> saved = new HashMap<>();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        proxy.beforeEach(context);
        SYSTEM_PROPERTIES.forEach(name -> saved.put(name, Optional.ofNullable(System.getProperty(name))));
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.clearProperty("aws.region");
        // Never ask an EC2 metadata service (not on loopback) for a region or credentials.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        saved.forEach((name, value) -> value.ifPresentOrElse(v -> System.setProperty(name, v), () -> System.clearProperty(name)));
        proxy.afterEach(context);
    }

    public URI endpoint() {
        return proxy.getUri();
    }

    /** A client with the server's own keys (not the default chain), for a test to upload what the code under test reads; close it. */
    public S3Client uploader() {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .build();
    }
}
