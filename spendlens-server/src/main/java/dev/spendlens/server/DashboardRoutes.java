package dev.spendlens.server;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web dashboard: one HTML page, its scripts and styles, and ECharts, all from the classpath (no
 * CDN: nothing is fetched at run time). Only the files listed here are served, so no path a client
 * sends can reach another resource.
 */
final class DashboardRoutes implements ApiRoutes {
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/";
    private static final String OWN = "dev/spendlens/server/dashboard/";
    private static final List<String> OWN_FILES = List.of("index.html", "dashboard.css", "format.js", "api.js", "charts.js", "overview.js", "explorer.js",
            "principal.js", "untagged.js", "app.js");

    private record Asset(byte[] bytes, String contentType, String cacheControl) {}

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    DashboardRoutes() {
        for (String file : OWN_FILES) {
            // Our own files change with each build: the browser revalidates them.
            assets.put(file, new Asset(read(OWN + file), contentType(file), "no-cache"));
        }
        assets.put("echarts.min.js", new Asset(read(ECHARTS + "dist/echarts.min.js"), contentType("echarts.min.js"), "public, max-age=86400"));
        assets.put("echarts-LICENSE.txt", new Asset(read(ECHARTS + "LICENSE"), "text/plain; charset=utf-8", "public, max-age=86400"));
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", context -> serve(context, "index.html"));
        routes.get("/assets/{file}", context -> serve(context, context.pathParam("file")));
    }

    private void serve(Context context, String file) {
        Asset asset = assets.get(file);
        if (asset == null || file.equals("index.html") && !context.path().equals("/")) {
            throw new SpendlensException(ErrorCode.NOT_FOUND, "no dashboard file '%s'".formatted(file));
        }
        context.header("Cache-Control", asset.cacheControl()).header("X-Content-Type-Options", "nosniff").contentType(asset.contentType()).result(asset.bytes());
    }

    private static String contentType(String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            default -> throw new IllegalStateException("no content type for dashboard file " + file);
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard resource " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading dashboard resource " + resource, e);
        }
    }
}
