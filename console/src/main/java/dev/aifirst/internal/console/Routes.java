package dev.aifirst.internal.console;

import dev.aifirst.console.ConsoleRequest;
import dev.aifirst.console.ConsoleResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Paths and the handlers behind them. A pattern's {@code {name}} segment matches any one segment,
 * handed to the handler in order. A path no route matches is a 404; a path whose routes take other
 * methods is a 405 that lists them.
 */
final class Routes {

    @FunctionalInterface
    interface Handler {
        ConsoleResponse handle(ConsoleRequest request, List<String> pathValues);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes get(String pattern, Handler handler) {
        routes.add(new Route("GET", split(pattern), handler));
        return this;
    }

    ConsoleResponse dispatch(ConsoleRequest request) {
        String[] path = split(request.path());
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            List<String> values = match(route.segments, path);
            if (values == null) {
                continue;
            }
            if (route.method.equals(request.method())) {
                return route.handler.handle(request, values);
            }
            allowed.add(route.method);
        }
        if (allowed.isEmpty()) {
            throw HttpError.notFound("nothing at " + request.path());
        }
        throw HttpError.methodNotAllowed(request.method(), request.path(), String.join(", ", allowed));
    }

    private static List<String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                values.add(path[i]);
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        return values;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
