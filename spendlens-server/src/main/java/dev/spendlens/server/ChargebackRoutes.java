package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.duckdb.finance.ChargebackClosings;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.ChargebackService;
import dev.spendlens.finance.StoreAccess;
import dev.spendlens.finance.statement.StatementFormat;
import dev.spendlens.finance.statement.StatementJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Chargeback statements: {@code GET /api/v1/chargeback/{month}?by=cost-center&format=json|csv|xlsx|html&currency=EUR},
 * {@code POST /api/v1/chargeback/{month}/close} and {@code GET /api/v1/chargeback/closings?by=...}.
 */
final class ChargebackRoutes implements ApiRoutes {
    private final ServerContext server;

    ChargebackRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/chargeback/closings", this::closings);
        routes.get("/api/v1/chargeback/{month}", this::statement);
        routes.post("/api/v1/chargeback/{month}/close", this::close);
    }

    private ChargebackService service() {
        return new ChargebackService(new StoreAccess(server.store(), server.allocator(), server.clock()), server.finance().sharedCosts(), server.finance().rates());
    }

    private void statement(Context context) {
        ChargebackService service = service();
        Statement statement = service.statement(month(context), dimension(context));
        respond(context, service, statement, Optional.ofNullable(context.queryParam("format")).map(StatementFormat::parse).orElse(StatementFormat.JSON));
    }

    private void close(Context context) {
        ChargebackService service = service();
        Statement statement = service.close(month(context), dimension(context));
        context.status(201);
        respond(context, service, statement, StatementFormat.JSON);
    }

    private void closings(Context context) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (ChargebackClosings.Closing closing : service().closings(dimension(context))) {
            var node = array.addObject();
            node.put("Month", closing.month().toString());
            node.put("Dimension", closing.dimension());
            node.put("ClosedAt", closing.closedAt().toString());
        }
        Json.write(context, Json.MAPPER.createObjectNode().set("Closings", array));
    }

    private void respond(Context context, ChargebackService service, Statement statement, StatementFormat format) {
        Optional<String> currency = Optional.ofNullable(context.queryParam("currency")).map(String::strip).filter(value -> !value.isEmpty())
                .or(() -> server.finance().displayCurrency());
        Optional<ConvertedStatement> display = currency.filter(value -> !value.equals(statement.currency())).map(value -> service.convert(statement, value));
        if (format == StatementFormat.JSON) {
            JsonNode body = StatementJson.write(statement, display);
            Json.write(context, body);
            return;
        }
        context.contentType(format.mediaType());
        if (format == StatementFormat.XLSX || format == StatementFormat.CSV) {
            context.header("Content-Disposition", "attachment; filename=\"%s\"".formatted(format.fileName(statement)));
        }
        context.result(format.write(statement, display));
    }

    private String dimension(Context context) {
        return Optional.ofNullable(context.queryParam("by")).map(String::strip).filter(value -> !value.isEmpty()).orElse(server.finance().chargebackDimension());
    }

    private static YearMonth month(Context context) {
        String text = context.pathParam("month");
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "month '%s' is not like 2026-09".formatted(text));
        }
    }
}
