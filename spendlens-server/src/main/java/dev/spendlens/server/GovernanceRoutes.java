package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.ForecastService;
import dev.spendlens.finance.GovernanceJson;
import dev.spendlens.finance.GovernanceService;
import dev.spendlens.finance.StoreAccess;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code GET /api/v1/governance?month=2026-10}: tag governance findings of a month (default: the last month with data). */
final class GovernanceRoutes implements ApiRoutes {
    private final ServerContext server;

    GovernanceRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/governance", this::governance);
    }

    private void governance(Context context) {
        StoreAccess access = new StoreAccess(server.store(), server.allocator(), server.clock());
        YearMonth month;
        try {
            month = Optional.ofNullable(context.queryParam("month")).map(YearMonth::parse)
                    .orElseGet(() -> YearMonth.from(new ForecastService(access).dataThrough(Optional.empty())));
        } catch (DateTimeParseException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "month '%s' is not like 2026-10".formatted(context.queryParam("month")));
        }
        Json.write(context, GovernanceJson.write(new GovernanceService(access).report(month)));
    }
}
