package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.budget.Budget;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.BudgetAlerts;
import dev.spendlens.finance.BudgetJson;
import dev.spendlens.finance.BudgetService;
import dev.spendlens.finance.BudgetStatus;
import dev.spendlens.finance.StoreAccess;
import dev.spendlens.jobs.Job;
import dev.spendlens.jobs.JobRunner;
import dev.spendlens.jobs.Trigger;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Budgets: {@code GET /api/v1/budgets} (every budget's status), {@code POST /api/v1/budgets} (add),
 * {@code GET|PUT|DELETE /api/v1/budgets/{name}} (status with burn-down, replace, remove) and
 * {@code POST /api/v1/budgets/check} (raise the alerts of thresholds crossed, through the alert
 * channels; a job, refused with 409 while another runs). {@code ?asOf=} judges as if the data ended that day.
 */
final class BudgetRoutes implements ApiRoutes {
    private final ServerContext server;

    BudgetRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/budgets", this::list);
        routes.post("/api/v1/budgets", this::add);
        routes.post("/api/v1/budgets/check", this::check);
        routes.get("/api/v1/budgets/{name}", this::status);
        routes.put("/api/v1/budgets/{name}", this::replace);
        routes.delete("/api/v1/budgets/{name}", this::remove);
    }

    private StoreAccess access() {
        return new StoreAccess(server.store(), server.allocator(), server.clock());
    }

    private BudgetService service() {
        return new BudgetService(access(), server.finance().rates());
    }

    private void list(Context context) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode budgets = body.putArray("Budgets");
        for (BudgetStatus status : service().statuses(asOf(context))) {
            budgets.add(BudgetJson.write(status, false));
        }
        Json.write(context, body);
    }

    private void add(Context context) {
        Budget budget = service().save(parse(Json.body(context)), false);
        context.status(201);
        Json.write(context, BudgetJson.write(budget));
    }

    private void replace(Context context) {
        Budget budget = parse(Json.body(context));
        if (!budget.name().equals(context.pathParam("name"))) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "Name '%s' differs from the path's '%s'".formatted(budget.name(), context.pathParam("name")));
        }
        Json.write(context, BudgetJson.write(service().save(budget, true)));
    }

    private void status(Context context) {
        BudgetService service = service();
        Json.write(context, BudgetJson.write(service.status(service.get(context.pathParam("name")), asOf(context)), true));
    }

    private void remove(Context context) {
        if (!service().delete(context.pathParam("name"))) {
            throw new SpendlensException(ErrorCode.NOT_FOUND, "no budget named '%s'".formatted(context.pathParam("name")));
        }
        context.status(204);
    }

    private void check(Context context) {
        BudgetAlerts alerts = new BudgetAlerts(service(), BudgetAlerts.dispatcher(server.finance().budgets(), server.config().alerts(), server.store(), server.clock()),
                server.finance().budgets().policyDirectory(), server.clock());
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode raised = body.putArray("Raised");
        Optional<LocalDate> asOf = asOf(context);
        List<BudgetAlerts.Raised> checked = server.scheduler().runner().run(Job.BUDGET_CHECK, Trigger.API, () -> alerts.check(asOf),
                raisedAlerts -> JobRunner.Done.of("%d budget alert(s) raised".formatted(raisedAlerts.size())));
        for (BudgetAlerts.Raised alert : checked) {
            ObjectNode node = raised.addObject();
            node.put("Budget", alert.budget());
            node.put("PeriodStart", alert.periodStart().toString());
            node.put("Threshold", alert.threshold());
            node.put("Severity", alert.severity().name());
            alert.owner().ifPresent(owner -> node.put("Owner", owner));
            node.put("Delivery", alert.delivery());
            node.put("Delivered", alert.dispatch().delivered());
            alert.policy().ifPresent(path -> node.put("DenyPolicy", path.toString()));
        }
        Json.write(context, body);
    }

    private Budget parse(JsonNode body) {
        String currency = server.finance().displayCurrency().orElseGet(() -> access().engine().currency());
        return BudgetJson.parse(body, currency);
    }

    private static Optional<LocalDate> asOf(Context context) {
        String text = context.queryParam("asOf");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "asOf '%s' is not a date like 2026-10-15".formatted(text));
        }
    }
}
