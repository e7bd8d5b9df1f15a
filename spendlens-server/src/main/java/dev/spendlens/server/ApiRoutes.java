package dev.spendlens.server;

import io.javalin.config.RoutesConfig;

/** A group of REST endpoints. Each feature adds its own implementation to {@link SpendlensServer#routes}. */
public interface ApiRoutes {
    void register(RoutesConfig routes);
}
