package dev.aifirst.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the console reads it, whatever server received it: the method, the path below
 * the console's mount point, the decoded query parameters and the headers (names in lower case).
 *
 * <pre>{@code
 * ConsoleResponse response = console.handle(ConsoleRequest.of("GET", "/api/runs?status=FAILED", Map.of()));
 * }</pre>
 *
 * @param method {@code GET}, {@code POST}, ...
 * @param path the path below the console's mount point, starting with {@code /}
 * @param query each query parameter's values, in the order given
 * @param headers each header's value, by lower-case name
 */
public record ConsoleRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers) {

    public ConsoleRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        path = Objects.requireNonNull(path, "path").isEmpty() ? "/" : path;
        query = Map.copyOf(query);
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lowerCase);
    }

    /**
     * A request for {@code pathAndQuery} ({@code /api/events?status=PENDING}), its query still
     * URL-encoded as it came over the wire.
     */
    public static ConsoleRequest of(String method, String pathAndQuery, Map<String, String> headers) {
        int mark = pathAndQuery.indexOf('?');
        String path = mark < 0 ? pathAndQuery : pathAndQuery.substring(0, mark);
        String rawQuery = mark < 0 ? null : pathAndQuery.substring(mark + 1);
        return new ConsoleRequest(method, path, parseQuery(rawQuery), headers);
    }

    /** The decoded parameters of a URL-encoded query string ({@code a=1&b=x%20y}); empty for {@code null}. */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** A header's value, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape is kept as typed; the parameter's own check then names it.
            return text;
        }
    }
}
