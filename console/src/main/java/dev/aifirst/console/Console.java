package dev.aifirst.console;

import com.sun.net.httpserver.HttpServer;
import dev.aifirst.AiFirst;
import dev.aifirst.internal.console.ConsoleApp;
import dev.aifirst.internal.console.ConsoleSettings;
import dev.aifirst.internal.console.JdkServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The operations console: a JSON API and pages over the runtime's events, deliveries and workflow
 * runs. Standalone on the JDK's HTTP server:
 *
 * <pre>{@code
 * ConsoleServer server = Console.serve(runtime, 8081);   // http://localhost:8081/
 * }</pre>
 *
 * <p>or configured, and mounted in a server the application already runs: the JDK's
 * ({@link #mount}), or any other through {@link #handle}, which takes a plain {@link ConsoleRequest}
 * and returns a {@link ConsoleResponse}.
 *
 * <pre>{@code
 * Console console = Console.builder(runtime).readOnly().token(System.getenv("CONSOLE_TOKEN"))
 *         .detailsNeedToken().build();
 * }</pre>
 */
public final class Console {

    private final ConsoleApp app;

    private Console(ConsoleApp app) {
        this.app = app;
    }

    public static Builder builder(AiFirst runtime) {
        return new Builder(runtime);
    }

    /** A console with the default settings, served on {@code port} of every interface (0: any free port). */
    public static ConsoleServer serve(AiFirst runtime, int port) {
        return builder(runtime).build().serve(new InetSocketAddress(port));
    }

    /** Serves this console on its own JDK HTTP server at {@code address}, under {@code /}. */
    public ConsoleServer serve(InetSocketAddress address) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the console on " + address, e);
        }
        mount(server, "/");
        ConsoleServer running = new ConsoleServer(server, this);
        server.start();
        return running;
    }

    /**
     * Serves this console under {@code contextPath} ({@code "/ops"}) of a JDK HTTP server the
     * application runs; give that server an executor with a few threads, as each open live overview
     * holds one.
     */
    public void mount(HttpServer server, String contextPath) {
        JdkServer.mount(Objects.requireNonNull(server, "server"), Objects.requireNonNull(contextPath, "contextPath"),
                this::handle);
    }

    /** Answers one request: what an adapter for another server (a servlet, a Spring controller) calls. */
    public ConsoleResponse handle(ConsoleRequest request) {
        return app.handle(Objects.requireNonNull(request, "request"));
    }

    /** Ends the live overview streams; a server that stops calls it first. */
    public void stop() {
        app.stop();
    }

    /** Configures a console. */
    public static final class Builder {

        /** The shortest token accepted: a token is a secret, not a password to remember. */
        public static final int MIN_TOKEN_LENGTH = 16;

        private final AiFirst runtime;
        private boolean readOnly;
        private String token;
        private boolean detailsNeedToken;
        private Duration refreshInterval = Duration.ofSeconds(2);
        private ClassLoader classLoader;

        private Builder(AiFirst runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
        }

        /** Refuses every action, whatever token a caller shows. */
        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        /**
         * The secret a caller shows in an {@code Authorization: Bearer <token>} header to act (once
         * actions exist) and, with {@link #detailsNeedToken()}, to see details. There is no default:
         * without one, nobody acts.
         */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank() || token.strip().length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("a console token has at least " + MIN_TOKEN_LENGTH
                        + " characters; generate one, e.g. with 'openssl rand -hex 24'");
            }
            this.token = token.strip();
            return this;
        }

        /** Shows runs' contexts and results, and failures' stack traces, only to callers with the token. */
        public Builder detailsNeedToken() {
            this.detailsNeedToken = true;
            return this;
        }

        /** How often the live overview is sent again (default 2 seconds). */
        public Builder refreshInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the refresh interval must be positive, not " + interval);
            }
            this.refreshInterval = interval;
            return this;
        }

        /** Where entity classes named in queries are looked up (default: the console's own class loader). */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        public Console build() {
            ClassLoader loader = classLoader != null ? classLoader
                    : Thread.currentThread().getContextClassLoader() != null
                            ? Thread.currentThread().getContextClassLoader() : Console.class.getClassLoader();
            return new Console(new ConsoleApp(runtime,
                    new ConsoleSettings(readOnly, token, detailsNeedToken, refreshInterval, loader)));
        }
    }
}
