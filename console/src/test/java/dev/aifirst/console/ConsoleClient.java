package dev.aifirst.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's HTTP client pointed at a served console, reading JSON answers. */
final class ConsoleClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ConsoleClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> send(String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs JSON, expecting {@code status}. */
    JsonNode get(int status, String pathAndQuery, String... headers) {
        HttpResponse<String> response = send("GET", pathAndQuery, headers);
        if (response.statusCode() != status) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ", not " + status
                    + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " is not JSON: " + response.body(), e);
        }
    }

    JsonNode get(String pathAndQuery, String... headers) {
        return get(200, pathAndQuery, headers);
    }

    HttpClient httpClient() {
        return client;
    }

    URI base() {
        return base;
    }
}
