package dev.spendlens.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.generator.Workload.MeterShare;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes CUR data files with an in-memory DuckDB used only as a columnar writer: the organisation,
 * the meters and the compact plan are appended into small tables, and one {@code COPY (SELECT ...)}
 * per data file explodes them into line items. Nothing is kept: the store belongs to another module.
 */
final class CurDataWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DuckDBConnection connection;
    private String selectParquet;
    private String selectCsv;

    CurDataWriter() {
        try {
            this.connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            // One thread per statement: a COPY whose plan has joins writes its row groups in a varying order when run on
            // several threads, and files must be byte-identical. Parallelism comes from writing several files at once.
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET threads = 1");
            }
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "cannot open an in-memory DuckDB: " + e.getMessage(), e);
        }
    }

    /** What one data file holds, and the values of {@link CurLineQuery}'s parameters. */
    record FileRequest(int firstDay, int lastDay, int specialLinesPeriod, LocalDateTime periodStart, LocalDateTime periodEnd,
            String awsInvoiceId, String marketplaceInvoiceId, boolean earlierDelivery, int lateUsageFromDay) {}

    void load(Organisation organisation, ExportCalendar calendar, ExportGranularity granularity, List<Meter> meters, List<Resource> resources,
            Arns arns, TagSets tagSets, List<Workload> workloads, Collection<List<PlanRow>> plan, List<SpecialLine> specialLines) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE accounts_raw (account_index INTEGER, account_id VARCHAR, account_name VARCHAR, cost_category VARCHAR)");
            statement.execute("CREATE TABLE arns (arn_id INTEGER, arn VARCHAR)");
            statement.execute("CREATE TABLE tag_sets_raw (tag_set_id INTEGER, tags VARCHAR)");
            statement.execute("CREATE TABLE resources_raw (resource_index INTEGER, resource_id VARCHAR, availability_zone VARCHAR, resource_tags VARCHAR)");
            statement.execute("""
                    CREATE TABLE meters_raw (meter_id INTEGER, line_item_type VARCHAR, billing_entity VARCHAR, legal_entity VARCHAR,
                        product_code VARCHAR, usage_type VARCHAR, operation VARCHAR, description VARCHAR, pricing_unit VARCHAR, rate DOUBLE,
                        rate_text VARCHAR, tokens_per_unit DOUBLE, token_charge BOOLEAN, jitter DOUBLE, product_family VARCHAR,
                        service_code VARCHAR, region_code VARCHAR, location VARCHAR, sku VARCHAR, instance_type VARCHAR, product_v1 VARCHAR,
                        product_v2 VARCHAR, bedrock BOOLEAN, tax_type VARCHAR)""");
            statement.execute("CREATE TABLE workloads (workload_id INTEGER, account_index INTEGER, resource_index INTEGER)");
            statement.execute("CREATE TABLE workload_meters (workload_id INTEGER, meter_id INTEGER, ratio DOUBLE)");
            statement.execute("CREATE TABLE hour_weights (shape INTEGER, hour INTEGER, weight DOUBLE)");
            statement.execute("""
                    CREATE TABLE plan (workload_id INTEGER, day_index INTEGER, arn_id INTEGER, tag_set_id INTEGER, shape INTEGER,
                        base_mask INTEGER, row_mask INTEGER, volume DOUBLE, norm DOUBLE, extra_volume DOUBLE, extra_from INTEGER,
                        extra_to INTEGER, extra_growth DOUBLE)""");
            statement.execute("""
                    CREATE TABLE special_lines (line_key INTEGER, period_index INTEGER, day_index INTEGER, meter_id INTEGER,
                        account_index INTEGER, tag_set_id INTEGER, cost DOUBLE, final_only BOOLEAN, start_ts TIMESTAMP, end_ts TIMESTAMP,
                        time_interval VARCHAR)""");

            appendDimensions(organisation, meters, resources, arns, tagSets, workloads, granularity);
            appendPlan(plan);
            appendSpecialLines(calendar, specialLines);

            statement.execute("CREATE TABLE accounts AS SELECT account_index, account_id, account_name, "
                    + "CAST(CAST(cost_category AS JSON) AS MAP(VARCHAR, VARCHAR)) AS cost_category FROM accounts_raw");
            statement.execute("CREATE TABLE tag_sets AS SELECT tag_set_id, CAST(CAST(tags AS JSON) AS MAP(VARCHAR, VARCHAR)) AS tags FROM tag_sets_raw");
            statement.execute("CREATE TABLE resources AS SELECT resource_index, resource_id, availability_zone, "
                    + "CAST(CAST(resource_tags AS JSON) AS MAP(VARCHAR, VARCHAR)) AS resource_tags FROM resources_raw");
            statement.execute("CREATE TABLE meters AS SELECT * EXCLUDE (product_v1, product_v2), "
                    + "CAST(CAST(product_v1 AS JSON) AS MAP(VARCHAR, VARCHAR)) AS product_v1, "
                    + "CAST(CAST(product_v2 AS JSON) AS MAP(VARCHAR, VARCHAR)) AS product_v2 FROM meters_raw");
            createHours(calendar, granularity);
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "cannot load the plan into DuckDB: " + e.getMessage(), e);
        }
        selectParquet = CurLineQuery.select(OutputFormat.PARQUET, organisation.payerAccountId(), organisation.payerAccountName());
        selectCsv = CurLineQuery.select(OutputFormat.CSV, organisation.payerAccountId(), organisation.payerAccountName());
    }

    /**
     * Writes one data file, returning the number of line items in it. Safe to call from several
     * threads at once: each call works on its own connection to the same database.
     */
    long write(Path file, OutputFormat format, long seed, FileRequest request) {
        String target = file.toAbsolutePath().toString().replace("'", "''");
        String options = switch (format) {
            case PARQUET -> "FORMAT parquet, COMPRESSION snappy";
            case CSV -> "FORMAT csv, HEADER true, COMPRESSION gzip";
        };
        String select = format == OutputFormat.PARQUET ? selectParquet : selectCsv;
        // The exploded lines go to a temporary table, private to the connection.
        try (DuckDBConnection session = connection.duplicate()) {
            try (PreparedStatement explode = session.prepareStatement(CurLineQuery.explode())) {
                explode.setLong(1, seed);
                explode.setInt(2, request.firstDay());
                explode.setInt(3, request.lastDay());
                explode.setInt(4, request.specialLinesPeriod());
                explode.setBoolean(5, request.earlierDelivery());
                explode.setInt(6, request.lateUsageFromDay());
                explode.execute();
            }
            // Prepared only now: it reads the table the statement above created.
            try (PreparedStatement copy = session.prepareStatement("COPY (" + select + ") TO '" + target + "' (" + options + ")")) {
                copy.setLong(1, seed);
                copy.setObject(2, request.periodStart());
                copy.setObject(3, request.periodEnd());
                copy.setString(4, request.awsInvoiceId());
                copy.setString(5, request.marketplaceInvoiceId());
                copy.execute();
                return copy.getUpdateCount();
            }
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot write %s: %s".formatted(file, e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "cannot close DuckDB: " + e.getMessage(), e);
        }
    }

    private void appendDimensions(Organisation organisation, List<Meter> meters, List<Resource> resources, Arns arns, TagSets tagSets,
            List<Workload> workloads, ExportGranularity granularity) throws SQLException {
        try (DuckDBAppender appender = appender("accounts_raw")) {
            for (Account account : organisation.accounts()) {
                Map<String, String> costCategory = account.costCategory().map(value -> Map.of(TagSets.COST_CATEGORY, value)).orElse(Map.of());
                appender.beginRow().append(account.index()).append(account.id()).append(account.name()).append(json(costCategory)).endRow();
            }
        }
        try (DuckDBAppender appender = appender("arns")) {
            List<String> all = arns.all();
            for (int id = 0; id < all.size(); id++) {
                appender.beginRow().append(id).append(all.get(id)).endRow();
            }
        }
        try (DuckDBAppender appender = appender("tag_sets_raw")) {
            List<? extends Map<String, String>> all = tagSets.all();
            for (int id = 0; id < all.size(); id++) {
                appender.beginRow().append(id).append(json(all.get(id))).endRow();
            }
        }
        try (DuckDBAppender appender = appender("resources_raw")) {
            for (Resource resource : resources) {
                Map<String, String> normalised = new TreeMap<>();
                resource.tags().forEach((key, value) -> normalised.put("user_" + key, value));
                appender.beginRow().append(resource.index()).append(resource.resourceId()).append(resource.availabilityZone())
                        .append(json(normalised)).endRow();
            }
        }
        try (DuckDBAppender appender = appender("meters_raw")) {
            for (Meter meter : meters) {
                appender.beginRow().append(meter.id()).append(meter.lineItemType()).append(meter.billingEntity()).append(meter.legalEntity())
                        .append(meter.productCode()).append(meter.usageType()).append(meter.operation()).append(meter.description())
                        .append(meter.pricingUnit());
                if (meter.rate().isPresent()) {
                    appender.append(meter.rate().get().doubleValue());
                } else {
                    appender.appendNull();
                }
                appender.append(meter.rateText()).append(meter.tokensPerUnit()).append(meter.tokenCharge()).append(meter.jitter())
                        .append(meter.productFamily()).append(meter.serviceCode()).append(meter.regionCode()).append(meter.location())
                        .append(meter.sku()).append(meter.instanceType()).append(json(meter.product())).append(json(meter.productSince202607()))
                        .append(meter.bedrock()).append(meter.taxType()).endRow();
            }
        }
        try (DuckDBAppender workloadRows = appender("workloads"); DuckDBAppender shares = appender("workload_meters")) {
            for (Workload workload : workloads) {
                workloadRows.beginRow().append(workload.id()).append(workload.account().index()).append(workload.resource().index()).endRow();
                for (MeterShare share : workload.meters()) {
                    shares.beginRow().append(workload.id()).append(share.meter().id()).append(share.ratio()).endRow();
                }
            }
        }
        try (DuckDBAppender appender = appender("hour_weights")) {
            for (HourShape shape : HourShape.values()) {
                switch (granularity) {
                    case HOURLY -> {
                        for (int hour = 0; hour < 24; hour++) {
                            appender.beginRow().append(shape.ordinal()).append(hour).append(shape.weight(hour)).endRow();
                        }
                    }
                    case DAILY -> appender.beginRow().append(shape.ordinal()).append(0).append(1.0).endRow();
                }
            }
        }
    }

    private void appendPlan(Collection<List<PlanRow>> plan) throws SQLException {
        try (DuckDBAppender appender = appender("plan")) {
            for (List<PlanRow> rows : plan) {
                for (PlanRow row : rows) {
                    appender.beginRow().append(row.workloadId()).append(row.day()).append(row.arnId()).append(row.tagSetId()).append(row.shape())
                            .append(row.baseMask()).append(row.rowMask()).append(row.volume()).append(row.norm()).append(row.extraVolume())
                            .append(row.extraFrom()).append(row.extraTo()).append(row.extraGrowth()).endRow();
                }
            }
        }
    }

    private void appendSpecialLines(ExportCalendar calendar, List<SpecialLine> specialLines) throws SQLException {
        try (DuckDBAppender appender = appender("special_lines")) {
            for (SpecialLine line : specialLines) {
                LocalDateTime start = calendar.periods().get(line.periodIndex()).atDay(1).atStartOfDay();
                LocalDateTime end = start.plusMonths(1);
                appender.beginRow().append(line.key()).append(line.periodIndex()).append(calendar.dayIndex(start.toLocalDate()))
                        .append(line.meter().id()).append(line.account().index()).append(line.tagSetId()).append(line.cost())
                        .append(line.finalDeliveryOnly()).append(start).append(end).append(interval(start, end)).endRow();
            }
        }
    }

    private void createHours(ExportCalendar calendar, ExportGranularity granularity) throws SQLException {
        String step = switch (granularity) {
            case HOURLY -> "to_hours(i)";
            case DAILY -> "to_days(i)";
        };
        String next = switch (granularity) {
            case HOURLY -> "to_hours(i + 1)";
            case DAILY -> "to_days(i + 1)";
        };
        String perDay = granularity == ExportGranularity.HOURLY ? "24" : "1";
        try (PreparedStatement hours = connection.prepareStatement("""
                CREATE TABLE hours AS
                SELECT i AS hour_id, CAST(i // %s AS INTEGER) AS day_index, CAST(i %% %s AS INTEGER) AS hour,
                       CAST($1 AS TIMESTAMP) + %s AS start_ts, CAST($1 AS TIMESTAMP) + %s AS end_ts,
                       strftime(CAST($1 AS TIMESTAMP) + %s, '%%Y-%%m-%%dT%%H:%%M:%%SZ') || '/'
                           || strftime(CAST($1 AS TIMESTAMP) + %s, '%%Y-%%m-%%dT%%H:%%M:%%SZ') AS time_interval
                FROM range(CAST($2 AS BIGINT)) t(i)""".formatted(perDay, perDay, step, next, step, next))) {
            hours.setObject(1, calendar.firstDay().atStartOfDay());
            hours.setLong(2, (long) calendar.dayCount() * Integer.parseInt(perDay));
            hours.execute();
        }
    }

    private DuckDBAppender appender(String table) throws SQLException {
        return connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    static String interval(LocalDateTime start, LocalDateTime end) {
        return start + ":00Z/" + end + ":00Z";
    }

    private static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "cannot serialise " + map + ": " + e.getMessage(), e);
        }
    }
}
