package dev.aifirst.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** A client of the live overview: reads its Server-Sent Events one at a time. */
final class OverviewEvents implements AutoCloseable {

    /** How many events to read while waiting for a change before giving up (at 100 ms apart, 30 s). */
    private static final int PATIENCE = 300;

    private final InputStream body;
    private final BufferedReader reader;

    private OverviewEvents(InputStream body) {
        this.body = body;
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    static OverviewEvents open(URI stream) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            throw new AssertionError("not an event stream: " + response.statusCode() + " " + response.headers());
        }
        return new OverviewEvents(response.body());
    }

    /** The data of the next {@code overview} event. */
    JsonNode next() throws Exception {
        String event = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("event: ")) {
                event = line.substring("event: ".length());
            } else if (line.startsWith("data: ") && "overview".equals(event)) {
                return ConsoleClient.JSON.readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("the stream ended");
    }

    /** The first event from now on that {@code wanted} accepts. */
    JsonNode nextMatching(Predicate<JsonNode> wanted) throws Exception {
        for (int i = 0; i < PATIENCE; i++) {
            JsonNode overview = next();
            if (wanted.test(overview)) {
                return overview;
            }
        }
        throw new AssertionError("no overview event showed the change in " + PATIENCE + " events");
    }

    @Override
    public void close() throws Exception {
        body.close();
    }
}
