package dev.aifirst.internal.console;

import dev.aifirst.console.ConsoleResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages (plain HTML, CSS and JavaScript, no build step) from the module's resources under
 * {@code dev/aifirst/console/}. Only the files named here are served.
 */
final class StaticPages {

    private static final String ROOT = "/dev/aifirst/console/";

    private static final Map<String, String> PAGES = Map.of(
            "/", "overview.html",
            "/events", "events.html",
            "/runs", "runs.html",
            "/run", "run.html");

    private static final Map<String, String> ASSETS = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "overview.js", "text/javascript; charset=utf-8",
            "events.js", "text/javascript; charset=utf-8",
            "runs.js", "text/javascript; charset=utf-8",
            "run.js", "text/javascript; charset=utf-8");

    void register(Routes routes) {
        PAGES.forEach((path, file) -> routes.get(path, (request, values) -> serve(file, "text/html; charset=utf-8")));
        routes.get("/assets/{file}", (request, values) -> {
            String type = ASSETS.get(values.get(0));
            if (type == null) {
                throw HttpError.notFound("no asset '" + values.get(0) + "'");
            }
            return serve("assets/" + values.get(0), type);
        });
    }

    private static ConsoleResponse serve(String file, String contentType) {
        try (InputStream in = StaticPages.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("the console's resource " + ROOT + file + " is missing from its jar");
            }
            var headers = Responses.common();
            headers.put("Cache-Control", "no-cache");
            return ConsoleResponse.of(200, contentType, in.readAllBytes(), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
