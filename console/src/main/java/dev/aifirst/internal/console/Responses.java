package dev.aifirst.internal.console;

import dev.aifirst.console.ConsoleResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Responses with the headers every answer of the console carries. */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    /** Headers that keep a browser from sniffing types, framing the console, or loading other origins' code. */
    static Map<String, String> common() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        return headers;
    }

    static ConsoleResponse json(Object body) {
        Map<String, String> headers = common();
        headers.put("Cache-Control", "no-store");
        return ConsoleResponse.of(200, JSON, Json.bytes(body), headers);
    }

    static ConsoleResponse error(HttpError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", error.status);
        body.put("error", error.getMessage());
        if (error.field != null) {
            body.put("field", error.field);
        }
        Map<String, String> headers = common();
        headers.put("Cache-Control", "no-store");
        return ConsoleResponse.of(error.status, JSON, Json.bytes(body), headers);
    }

    static ConsoleResponse internalError(String incident) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 500);
        body.put("error", "the console failed to answer; the server's log has the details under incident " + incident);
        return ConsoleResponse.of(500, JSON, Json.bytes(body), common());
    }
}
