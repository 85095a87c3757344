package dev.aifirst.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aifirst.AiFirst;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.WorkflowRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The application as a guest and an operator see it, over HTTP, on a TimeMachine: two weeks of a
 * stay run in the test's thread, in order, in milliseconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestDatabaseConfiguration.class, ReservationsApplicationTest.Time.class})
class ReservationsApplicationTest {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    /** The runtime runs on this clock, with no background threads, when the context has one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Time {
        @Bean
        TimeMachine timeMachine() {
            return TimeMachine.startingAt(T0);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    TimeMachine time;
    @Autowired
    AiFirst runtime;
    @Autowired
    LockService locks;
    @Autowired
    Environment environment;

    @BeforeAll
    static void database() {
        TestDatabaseConfiguration.assumeReachable();
    }

    @Test
    void aStayFromBookingToCheckOut() throws Exception {
        Instant checkin = time.now().plus(Duration.ofDays(3));
        long id = book("Ada", "Harbour Loft", checkin, checkin.plus(Duration.ofDays(2)));

        time.runDue();
        assertThat(kinds(id)).containsExactly("welcome");

        time.advanceTo(checkin.minus(Duration.ofDays(1)));
        assertThat(kinds(id)).containsExactly("welcome", "reminder");

        time.advanceTo(checkin.minus(Duration.ofHours(1)));
        String code = locks.code("Harbour Loft");
        assertThat(code).matches("\\d{4}");
        assertThat(messages(id)).last().satisfies(message ->
                assertThat(message.get("text").asText()).isEqualTo("Your door code for Harbour Loft is " + code + "."));

        time.advanceTo(checkin.plus(Duration.ofDays(2)));
        assertThat(locks.code("Harbour Loft")).as("revoked at check-out").isNull();
        WorkflowRun run = runtime.workflows().runs(RunQuery.of(DoorCode.class).entity(Reservation.class, id),
                dev.aifirst.PageRequest.first(10)).items().get(0);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aCancellationCommitsWithItsRefund() throws Exception {
        Instant checkin = time.now().plus(Duration.ofDays(10));
        long id = book("Grace", "Garden Room", checkin, checkin.plus(Duration.ofDays(1)));
        time.runDue();

        JsonNode cancelled = post("/reservations/" + id + "/cancel", "");
        String refundRun = cancelled.get("refundRun").asText();
        assertThat(runtime.workflows().find(refundRun)).as("started in the cancellation's transaction").isNotNull();

        time.runDue();
        assertThat(runtime.workflows().find(refundRun).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(kinds(id)).containsExactly("welcome", "refund");

        // Cancelled, the stay's check-in never comes: no reminder, no door code.
        time.advanceTo(checkin.plus(Duration.ofDays(1)));
        assertThat(kinds(id)).containsExactly("welcome", "refund");
        assertThat(locks.code("Garden Room")).isNull();
    }

    @Test
    void theHealthEndpointShowsTheRuntimeAndItsBacklog() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/aifirst")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/details/running").asBoolean()).isTrue();
        assertThat(health.at("/details/due").isNumber()).isTrue();
        assertThat(health.at("/details/oldestDueAge").asText()).startsWith("PT");
        assertThat(health.at("/details/failing").asInt()).isZero();
    }

    private long book(String guest, String property, Instant checkin, Instant checkout) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("guest", guest, "property", property,
                "checkinAt", checkin.toString(), "checkoutAt", checkout.toString()));
        return post("/reservations", body).get("id").asLong();
    }

    private List<String> kinds(long id) throws Exception {
        return messages(id).stream().map(message -> message.get("kind").asText()).toList();
    }

    private List<JsonNode> messages(long id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/reservations/" + id + "/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> messages = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(messages::add);
        return messages;
    }

    private JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }
}
