package dev.aifirst.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy for tests of what happens when the database goes away: put it between the
 * runtime's connection pool and the database, then {@link #cut()} every connection at once, or
 * take the database away for a while with {@link #outage(Duration)}.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.start("127.0.0.1", 5432)) {
 *     HikariConfig pool = new HikariConfig();
 *     pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/app");
 *     AiFirst runtime = AiFirst.builder().dataSource(new HikariDataSource(pool))...start();
 *     ... start work ...
 *     proxy.outage(Duration.ofSeconds(5));   // every connection drops; new ones are refused for 5 s
 *     ... assert that the work completes ...
 * }
 * }</pre>
 *
 * <p>It listens on {@code 127.0.0.1}, on a free port, and forwards bytes both ways unchanged, with
 * two daemon threads per connection. While cut, it accepts connections and closes them at once, as
 * a database that is restarting does.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final ScheduledExecutorService timer;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object lock = new Object();
    private volatile boolean cut;
    private volatile boolean closed;
    private ScheduledFuture<?> pendingRestore;

    private TcpProxy(String targetHost, int targetPort, ServerSocket server) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = server;
        this.threads = Executors.newCachedThreadPool(daemons("aifirst-tcp-proxy-" + server.getLocalPort()));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("aifirst-tcp-proxy-timer-" + server.getLocalPort()));
    }

    /** A proxy to {@code targetHost:targetPort}, listening on {@code 127.0.0.1} on a free port. */
    public static TcpProxy start(String targetHost, int targetPort) {
        Objects.requireNonNull(targetHost, "targetHost");
        try {
            ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(targetHost, targetPort, server);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback address", e);
        }
    }

    /** The port to connect to instead of the target's. */
    public int port() {
        return server.getLocalPort();
    }

    /** The proxy's address, {@code 127.0.0.1}. */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** Connections forwarded now. */
    public int openConnections() {
        return links.size();
    }

    /** Connections forwarded since the start, cut ones included; refused ones not. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Whether connections are being refused. */
    public boolean isCut() {
        return cut;
    }

    /**
     * Closes every open connection at once, and refuses new ones (accepts and closes them) until
     * {@link #restore()}. Cancels the end of a pending {@link #outage}.
     */
    public void cut() {
        synchronized (lock) {
            cancelPendingRestore();
            cut = true;
        }
        for (Link link : links) {
            link.close();
        }
    }

    /** Forwards new connections again; connections cut stay closed. */
    public void restore() {
        synchronized (lock) {
            cancelPendingRestore();
            cut = false;
        }
    }

    /** {@link #cut()}, then {@link #restore()} after {@code duration}, on a timer; returns at once. */
    public void outage(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        cut();
        synchronized (lock) {
            pendingRestore = timer.schedule(this::restore, duration.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Link link : links) {
            link.close();
        }
        timer.shutdownNow();
        threads.shutdownNow();
    }

    private void cancelPendingRestore() {
        if (pendingRestore != null) {
            pendingRestore.cancel(false);
            pendingRestore = null;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            threads.execute(() -> connect(client));
        }
    }

    /** Connects the accepted client to the target and starts forwarding both ways. */
    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), CONNECT_TIMEOUT_MILLIS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Link link = new Link(client, upstream);
        links.add(link);
        if (cut || closed) { // a cut that came while this connection was being made
            link.close();
            return;
        }
        accepted.incrementAndGet();
        threads.execute(() -> pump(link, client, upstream));
        threads.execute(() -> pump(link, upstream, client));
    }

    /** Copies bytes from one socket to the other until either side closes; then closes both. */
    private static void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // a side closed, or the link was cut: either way the link ends
        } finally {
            link.close();
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    /** One forwarded connection: the client's socket and ours to the target. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void close() {
            if (links.remove(this)) {
                abort(client);
                abort(upstream);
            }
        }

        /** Closes with a reset rather than a graceful end, as a dropped connection looks to its peer. */
        private void abort(Socket socket) {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // already closed
            }
            closeQuietly(socket);
        }
    }
}
