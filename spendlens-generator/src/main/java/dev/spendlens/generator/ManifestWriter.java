package dev.spendlens.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes {@code <exportName>-Manifest.json} the way AWS Data Exports does for CUR 2.0: the export,
 * the execution, the delivery instant, the billing period, the data files as S3 URIs, the columns
 * with their Glue types and the table configuration.
 */
final class ManifestWriter {
    static final String BUCKET = "spendlens-demo-bucket";
    static final String PREFIX = "cur";
    static final String TABLE = "COST_AND_USAGE_REPORT";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestWriter() {}

    /** What one manifest says. */
    record Delivery(String exportName, String exportArn, String executionId, Instant deliveryTimestamp, YearMonth period,
            List<String> dataFileNames, ExportGranularity granularity, OutputFormat format) {}

    static String s3Uri(String exportName, YearMonth period, String fileName) {
        return "s3://%s/%s/%s/data/BILLING_PERIOD=%s/%s".formatted(BUCKET, PREFIX, exportName, period, fileName);
    }

    static void write(Path file, Delivery delivery) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.put("exportArn", delivery.exportArn());
        root.put("exportName", delivery.exportName());
        root.put("executionId", delivery.executionId());
        root.put("deliveryTimestamp", delivery.deliveryTimestamp().toString());
        ObjectNode period = root.putObject("billingPeriod");
        period.put("start", delivery.period().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        period.put("end", delivery.period().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        root.put("bucket", BUCKET);
        root.put("prefix", PREFIX);
        ArrayNode files = root.putArray("dataFiles");
        for (String name : delivery.dataFileNames()) {
            files.add(s3Uri(delivery.exportName(), delivery.period(), name));
        }
        root.put("dataFileFormat", delivery.format() == OutputFormat.PARQUET ? "PARQUET" : "TEXT_OR_CSV");
        root.put("compression", delivery.format() == OutputFormat.PARQUET ? "PARQUET" : "GZIP");
        ArrayNode columns = root.putArray("columns");
        StringJoiner names = new StringJoiner(", ");
        for (CurColumn column : CurSchema.COLUMNS) {
            columns.addObject().put("name", column.name()).put("type", column.type().glueType());
            names.add(column.name());
        }
        root.put("tableName", TABLE);
        root.put("queryStatement", "SELECT " + names + " FROM " + TABLE);
        ObjectNode configuration = root.putObject("tableConfigurations").putObject(TABLE);
        configuration.put("TIME_GRANULARITY", delivery.granularity().name());
        configuration.put("INCLUDE_RESOURCES", "TRUE");
        configuration.put("INCLUDE_IAM_PRINCIPAL_DATA", "TRUE");
        configuration.put("INCLUDE_SPLIT_COST_ALLOCATION_DATA", "FALSE");
        configuration.put("INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY", "FALSE");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot write manifest %s: %s".formatted(file, e.getMessage()), e);
        }
    }
}
