package dev.aifirst.internal.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aifirst.console.ConsoleRequest;
import dev.aifirst.console.ConsoleResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The adapter to the JDK's {@link HttpServer}: an exchange becomes a {@link ConsoleRequest}, and back. */
public final class JdkServer {

    private static final Logger LOG = LoggerFactory.getLogger(JdkServer.class);

    private JdkServer() {
    }

    /** Serves {@code handler} under {@code contextPath} ({@code /} or {@code /ops}) on {@code server}. */
    public static void mount(HttpServer server, String contextPath, Function<ConsoleRequest, ConsoleResponse> handler) {
        server.createContext(contextPath, exchange -> exchange(exchange, contextPath, handler));
    }

    private static void exchange(HttpExchange exchange, String contextPath,
            Function<ConsoleRequest, ConsoleResponse> handler) throws IOException {
        try (exchange) {
            String fullPath = exchange.getRequestURI().getPath();
            String path = fullPath.substring(Math.min(fullPath.length(), contextPath.replaceAll("/+$", "").length()));
            if (path.isEmpty()) {
                // The pages link relatively: /ops must become /ops/ for them to find their assets.
                exchange.getResponseHeaders().set("Location", fullPath + "/");
                exchange.sendResponseHeaders(308, -1);
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            ConsoleRequest request = new ConsoleRequest(exchange.getRequestMethod(), path,
                    ConsoleRequest.parseQuery(exchange.getRequestURI().getRawQuery()), headers);
            ConsoleResponse response = handler.apply(request);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            // 0 asks the JDK server for a chunked body; -1 means none.
            long length = response.streaming() ? 0 : response.length() == 0 ? -1 : response.length();
            exchange.sendResponseHeaders(response.status(), length);
            if (length != -1) {
                try (OutputStream out = exchange.getResponseBody()) {
                    response.writeBody(out);
                }
            }
        } catch (IOException e) {
            // The client went away (a closed page ends its live overview this way).
            LOG.debug("Console connection closed: {}", e.toString());
        }
    }
}
