package dev.aifirst.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The console's answer to a {@link ConsoleRequest}: a status, headers, and a body the server copies
 * to its connection. A body of known bytes has a length; a stream (the live overview) writes until
 * the client goes away or the console stops.
 */
public final class ConsoleResponse {

    /** Writes a body to the connection. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers;
    private final byte[] bytes;
    private final Body stream;

    private ConsoleResponse(int status, Map<String, String> headers, byte[] bytes, Body stream) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.bytes = bytes;
        this.stream = stream;
    }

    /** A response whose body is {@code bytes} of {@code contentType}. */
    public static ConsoleResponse of(int status, String contentType, byte[] bytes, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", Objects.requireNonNull(contentType, "contentType"));
        return new ConsoleResponse(status, all, Objects.requireNonNull(bytes, "bytes"), null);
    }

    /** A response whose body is written as it goes, of unknown length. */
    public static ConsoleResponse streaming(int status, String contentType, Body body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", Objects.requireNonNull(contentType, "contentType"));
        return new ConsoleResponse(status, all, null, Objects.requireNonNull(body, "body"));
    }

    public int status() {
        return status;
    }

    /** The headers to send, {@code Content-Type} among them. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Whether the body is a stream of unknown length (send it chunked). */
    public boolean streaming() {
        return stream != null;
    }

    /** The body's length in bytes, or -1 for a stream. */
    public long length() {
        return bytes == null ? -1 : bytes.length;
    }

    /** Writes the body; a stream returns when the client goes away or the console stops. */
    public void writeBody(OutputStream out) throws IOException {
        if (stream != null) {
            stream.writeTo(out);
        } else {
            out.write(bytes);
        }
    }

    /** The body as text, for a body of known bytes. */
    public String bodyText() {
        if (bytes == null) {
            throw new IllegalStateException("a streamed body is read from the connection, not as text");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
