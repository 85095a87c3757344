package dev.aifirst.console;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A console served on its own JDK HTTP server; {@link #close()} stops it. */
public final class ConsoleServer implements AutoCloseable {

    private final HttpServer server;
    private final Console console;
    private final ExecutorService executor;

    ConsoleServer(HttpServer server, Console console) {
        this.server = server;
        this.console = console;
        // Threads of their own: an open live overview holds one for as long as the page is open.
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "aifirst-console-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(threads);
        server.setExecutor(executor);
    }

    /** The port it listens on (the one chosen, when asked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The console's address on this machine: {@code http://localhost:<port>/}. */
    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    /** Ends the live streams and stops the server, waiting at most a second for requests under way. */
    @Override
    public void close() {
        console.stop();
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
