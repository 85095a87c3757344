package dev.aifirst.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a small echo server on the loopback address. */
class TcpProxyTest {

    private ServerSocket echo;
    private ExecutorService echoThreads;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerAndProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echoThreads = Executors.newCachedThreadPool();
        echoThreads.execute(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    echoThreads.execute(() -> echoBack(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
        proxy = TcpProxy.start("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
        echoThreads.shutdownNow();
    }

    @Test
    void bytesFlowBothWays() throws Exception {
        assertThat(proxy.host()).isEqualTo("127.0.0.1");
        assertThat(proxy.port()).isNotEqualTo(echo.getLocalPort());
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
            byte[] large = new byte[200_000];
            for (int i = 0; i < large.length; i++) {
                large[i] = (byte) i;
            }
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(large);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start(); // while this thread reads the echo, so that no buffer fills up
            assertThat(socket.getInputStream().readNBytes(large.length)).isEqualTo(large);
            writer.join();
        }
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void cutClosesEveryLiveConnectionAndRefusesNewOnesUntilRestored() throws Exception {
        Socket first = connect();
        Socket second = connect();
        assertThat(roundTrip(first, "one")).isEqualTo("one");
        assertThat(roundTrip(second, "two")).isEqualTo("two");
        assertThat(proxy.openConnections()).isEqualTo(2);

        proxy.cut();
        assertThat(proxy.isCut()).isTrue();
        assertThat(proxy.openConnections()).isZero();
        assertClosed(first);
        assertClosed(second);

        try (Socket whileCut = connect()) {
            assertClosed(whileCut);
        }
        assertThat(proxy.acceptedConnections()).as("refused connections are not forwarded").isEqualTo(2);

        proxy.restore();
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "back")).isEqualTo("back");
        }
        first.close();
        second.close();
    }

    @Test
    void anOutageEndsByItself() throws Exception {
        Socket live = connect();
        assertThat(roundTrip(live, "before")).isEqualTo("before");
        long start = System.nanoTime();
        proxy.outage(Duration.ofMillis(500));
        assertClosed(live);
        try (Socket whileOut = connect()) {
            assertClosed(whileOut);
        }
        while (proxy.isCut()) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            Thread.sleep(10);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "after")).isEqualTo("after");
        }
        live.close();
    }

    @Test
    void aCutCancelsThePendingEndOfAnOutage() throws Exception {
        proxy.outage(Duration.ofMillis(100));
        proxy.cut();
        Thread.sleep(400);
        assertThat(proxy.isCut()).as("the later cut holds until restore()").isTrue();
        proxy.restore();
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "ok")).isEqualTo("ok");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(bytes);
        return new String(socket.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
    }

    /** The proxy ended the connection: reading ends (end of stream or reset) instead of timing out. */
    private static void assertClosed(Socket socket) {
        int read;
        try {
            socket.getOutputStream().write('x');
            read = socket.getInputStream().read();
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the connection is still open: no end of stream within 5 s", e);
        } catch (IOException e) {
            return; // reset by the proxy
        }
        assertThat(read).as("end of stream").isEqualTo(-1);
    }

    private static void echoBack(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        } catch (IOException ignored) {
            // the proxy closed the connection
        }
    }
}
