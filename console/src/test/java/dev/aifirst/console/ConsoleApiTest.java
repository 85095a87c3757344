package dev.aifirst.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Chain;
import dev.aifirst.workflows.fixtures.DoublerGrandparent;
import dev.aifirst.workflows.fixtures.Unsteady;
import jakarta.persistence.EntityManagerFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON API over HTTP, on the JDK's server, against a runtime on H2 and then PostgreSQL. */
@DatabaseTest
class ConsoleApiTest {

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    private ConsoleServer server;
    private ConsoleClient client;

    @BeforeEach
    void serve(AiFirst runtime) {
        BookingHandlers.reset();
        Unsteady.reset();
        server = Console.serve(runtime, 0);
        client = new ConsoleClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static long book(EntityManagerFactory emf, TimeMachine time, String guest, int daysAhead) {
        Booking booking = new Booking(guest, time.now().plus(Duration.ofDays(daysAhead)));
        TestHibernate.inTransaction(emf, em -> em.persist(booking));
        return booking.getId();
    }

    private static long bookConfirmed(EntityManagerFactory emf, TimeMachine time, String guest, int daysAhead) {
        Booking booking = new Booking(guest, time.now().plus(Duration.ofDays(daysAhead)));
        booking.setStatus(Booking.Status.CONFIRMED);
        TestHibernate.inTransaction(emf, em -> em.persist(booking));
        return booking.getId();
    }

    @Test
    void theOverviewCountsEventsDeliveriesAndRunsByStatus(AiFirst runtime, TimeMachine time, EntityManagerFactory emf) {
        book(emf, time, "Ada", 3);
        book(emf, time, "Grace", 4);
        runtime.workflows().start(Chain.class, new Chain.Context());
        Unsteady.Context doomed = new Unsteady.Context();
        doomed.badArgument = true;
        runtime.workflows().start(Unsteady.class, doomed);
        time.runDue();

        JsonNode overview = client.get("/api/overview");

        assertThat(overview.get("now").asText()).isEqualTo(time.now().toString());
        assertThat(overview.at("/events/OCCURRED").asLong()).isGreaterThanOrEqualTo(2) // booking_created, twice
                .isEqualTo(client.get("/api/events?status=OCCURRED&limit=500").get("items").size());
        assertThat(overview.at("/events/PENDING").asLong()).isPositive() // check-outs ahead
                .isEqualTo(client.get("/api/events?status=PENDING&limit=500").get("items").size());
        assertThat(overview.at("/events/CANCELLED").asLong()).isZero();
        assertThat(overview.at("/deliveries/DONE").asLong()).isPositive();
        assertThat(overview.at("/runs/COMPLETED").asLong()).isEqualTo(1);
        assertThat(overview.at("/runs/FAILED").asLong()).isEqualTo(1);
        assertThat(overview.get("runs").size()).isEqualTo(6);
        assertThat(overview.at("/backlog/due").asLong()).isZero();
        assertThat(overview.at("/backlog/failing").isArray()).isTrue();
    }

    @Test
    void eventsAreSearchedByEntityNameStatusAndDueDatesWithTheirDeliveries(TimeMachine time, EntityManagerFactory emf) {
        long ada = book(emf, time, "Ada", 3);
        book(emf, time, "Grace", 10);
        time.runDue();
        String booking = Booking.class.getName();

        JsonNode adas = client.get("/api/events?entityType=" + booking + "&entityId=" + ada);
        assertThat(adas.get("items")).isNotEmpty().allSatisfy(event -> assertThat(event.get("entityId").asText())
                .isEqualTo(String.valueOf(ada)));
        assertThat(adas.get("nextCursor").isNull()).isTrue();

        JsonNode created = client.get("/api/events?name=booking_created&status=occurred");
        assertThat(created.get("items")).hasSize(2);
        JsonNode first = created.get("items").get(0);
        assertThat(first.get("status").asText()).isEqualTo("OCCURRED");
        assertThat(first.get("occurredAt").asText()).isEqualTo(time.now().toString());

        String from = time.now().plus(Duration.ofDays(2)).toString();
        String before = time.now().plus(Duration.ofDays(5)).toString();
        JsonNode dueSoon = client.get("/api/events?name=checkin_due&dueFrom=" + from + "&dueBefore=" + before);
        assertThat(dueSoon.get("items")).extracting(event -> event.get("entityId").asText())
                .containsExactly(String.valueOf(ada));
        JsonNode dueLater = client.get("/api/events?name=checkin_due&dueFrom=" + before.substring(0, 10));
        assertThat(dueLater.get("items")).hasSize(1).allSatisfy(event -> assertThat(event.get("entityId").asText())
                .isNotEqualTo(String.valueOf(ada)));

        JsonNode deliveries = client.get("/api/events/" + first.get("id").asLong() + "/deliveries");
        assertThat(deliveries.get("items")).isNotEmpty().allSatisfy(delivery -> {
            assertThat(delivery.get("eventId").asLong()).isEqualTo(first.get("id").asLong());
            assertThat(delivery.get("subscriber").asText()).contains("#");
        });
        assertThat(client.get("/api/deliveries?status=DONE").get("items")).isNotEmpty();
    }

    @Test
    void everyListIsReadAPageAtATime(TimeMachine time, EntityManagerFactory emf) {
        for (int i = 0; i < 3; i++) {
            book(emf, time, "Guest " + i, i + 1);
        }
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = client.get("/api/events?name=booking_created&limit=2" + (cursor == null ? "" : "&cursor="
                    + cursor));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(event -> ids.add(event.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        assertBadRequest("/api/events?limit=0", "limit");
        assertBadRequest("/api/events?limit=many", "limit");
        assertBadRequest("/api/runs?limit=501", "limit");
        assertBadRequest("/api/events?status=LOST", "status");
        assertBadRequest("/api/runs?status=ASLEEP", "status");
        assertBadRequest("/api/deliveries?status=GONE", "status");
        assertBadRequest("/api/events?dueFrom=yesterday", "dueFrom");
        assertBadRequest("/api/events?dueFrom=2026-06-02&dueBefore=2026-06-01", "dueBefore");
        assertBadRequest("/api/events?entityId=42", "entityId");
        assertBadRequest("/api/events?entityType=com.example.Nowhere", "entityType");
        assertBadRequest("/api/events?entityType=java.lang.String", "entityType"); // a class without events
        assertBadRequest("/api/runs?entityType=" + Booking.class.getName(), "entityId");
        assertBadRequest("/api/events?cursor=not-a-cursor", "cursor");
        assertBadRequest("/api/runs?cursor=not-a-cursor", "cursor");
        assertBadRequest("/api/events?colour=red", "colour");
        assertBadRequest("/api/events?status=PENDING&status=OCCURRED", "status");
        assertBadRequest("/api/events/abc/deliveries", "event id");

        JsonNode error = client.get(400, "/api/events?status=LOST");
        assertThat(error.get("error").asText()).contains("'LOST'", "PENDING", "OCCURRED", "CANCELLED");
    }

    private void assertBadRequest(String pathAndQuery, String field) {
        JsonNode error = client.get(400, pathAndQuery);
        assertThat(error.get("field").asText()).as(pathAndQuery).isEqualTo(field);
        assertThat(error.get("error").asText()).as(pathAndQuery).isNotBlank().doesNotContain("\tat ");
    }

    @Test
    void unknownThingsAre404AndWrongMethods405() {
        assertThat(client.get(404, "/api/nothing").get("error").asText()).contains("/api/nothing");
        assertThat(client.get(404, "/api/runs/no-such-run").get("error").asText()).contains("no-such-run");
        assertThat(client.get(404, "/api/runs/no-such-run/history").get("status").asInt()).isEqualTo(404);
        assertThat(client.get(404, "/assets/secrets.txt").get("error").asText()).contains("secrets.txt");

        HttpResponse<String> post = client.send("POST", "/api/runs");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.body()).contains("POST is not allowed on /api/runs; it takes GET");
        assertThat(client.send("DELETE", "/").statusCode()).isEqualTo(405);
    }

    @Test
    void aRunsPageHasItsContextHistoryParentAndChildren(AiFirst runtime, TimeMachine time) {
        DoublerGrandparent.Context context = new DoublerGrandparent.Context();
        context.value = 21;
        String grandparent = runtime.workflows().start(DoublerGrandparent.class, context);
        time.runDue();

        JsonNode page = client.get("/api/runs/" + grandparent);
        assertThat(page.at("/run/workflow").asText()).isEqualTo("doubler_grandparent");
        assertThat(page.at("/run/status").asText()).isEqualTo("COMPLETED");
        assertThat(page.at("/run/context/value").asInt()).as("the context as JSON, not as a string").isEqualTo(42);
        assertThat(page.at("/run/detailsHidden").asBoolean()).isFalse();
        assertThat(page.get("parent").isNull()).isTrue();
        assertThat(page.at("/children/items")).hasSize(1);
        String parent = page.at("/children/items/0/id").asText();

        JsonNode child = client.get("/api/runs/" + parent);
        assertThat(child.at("/parent/id").asText()).isEqualTo(grandparent);
        assertThat(child.at("/children/items/0/workflow").asText()).isEqualTo("doubler");
        assertThat(client.get("/api/runs/" + grandparent + "/children?limit=1").get("items")).hasSize(1);

        JsonNode history = client.get("/api/runs/" + grandparent + "/history");
        assertThat(history.get("items")).extracting(step -> step.get("step").asText()).containsExactly("delegate",
                "keep");
        assertThat(history.at("/items/0/attempt").asInt()).isEqualTo(1);
        assertThat(history.at("/items/0/durationMillis").isNumber()).isTrue();

        JsonNode runs = client.get("/api/runs?workflow=doubler_grandparent&status=completed");
        assertThat(runs.get("items")).extracting(run -> run.get("id").asText()).containsExactly(grandparent);
        assertThat(client.get("/api/runs?workflow=doubler&status=FAILED").get("items")).isEmpty();
    }

    @Test
    void runsAreFilteredByTheEntityWhoseEventStartedThem(TimeMachine time, EntityManagerFactory emf) {
        long ada = bookConfirmed(emf, time, "Ada", 3);
        bookConfirmed(emf, time, "Grace", 3);
        time.advance(Duration.ofDays(3));

        JsonNode all = client.get("/api/runs");
        JsonNode adas = client.get("/api/runs?entityType=" + Booking.class.getName() + "&entityId=" + ada);
        assertThat(adas.get("items")).isNotEmpty().allSatisfy(run -> assertThat(run.get("entityId").asText())
                .isEqualTo(String.valueOf(ada)));
        assertThat(all.get("items").size()).isGreaterThan(adas.get("items").size());
    }

    @Test
    void withDetailsNeedingTheTokenContextsAndStackTracesAreShownOnlyToItsHolder(AiFirst runtime, TimeMachine time,
            EntityManagerFactory emf) {
        String token = "s3cret-console-token-42";
        BookingHandlers.FAILURES_TO_GO.set(100);
        bookConfirmed(emf, time, "Ada", 3);
        time.advance(Duration.ofMinutes(5)); // every attempt of the flaky handler fails
        Unsteady.Context doomed = new Unsteady.Context();
        doomed.badArgument = true;
        String runId = runtime.workflows().start(Unsteady.class, doomed);
        time.runDue();
        try (ConsoleServer guarded = Console.builder(runtime).readOnly().token(token).detailsNeedToken().build()
                .serve(new java.net.InetSocketAddress(0))) {
            ConsoleClient guardedClient = new ConsoleClient(guarded.uri());

            JsonNode anonymous = guardedClient.get("/api/runs/" + runId);
            assertThat(anonymous.at("/run/detailsHidden").asBoolean()).isTrue();
            assertThat(anonymous.at("/run/context").isNull()).isTrue();
            assertThat(anonymous.at("/run/error").asText()).contains("room number -1").doesNotContain("\n", "\tat ");
            JsonNode anonymousHistory = guardedClient.get("/api/runs/" + runId + "/history");
            assertThat(anonymousHistory.at("/items/0/error").asText()).contains("room number -1").doesNotContain("\n");
            JsonNode failed = guardedClient.get("/api/deliveries?status=FAILED");
            assertThat(failed.at("/items/0/lastError").asText()).contains("lock service unavailable")
                    .doesNotContain("\n", "\tat ");
            JsonNode wrongToken = guardedClient.get("/api/runs/" + runId, "Authorization", "Bearer guess");
            assertThat(wrongToken.at("/run/detailsHidden").asBoolean()).isTrue();

            JsonNode holder = guardedClient.get("/api/runs/" + runId, "Authorization", "Bearer " + token);
            assertThat(holder.at("/run/detailsHidden").asBoolean()).isFalse();
            assertThat(holder.at("/run/context/badArgument").asBoolean()).isTrue();
            assertThat(holder.at("/run/error").asText()).isEqualTo(runtime.workflows().find(runId).error());
            JsonNode failedForHolder = guardedClient.get("/api/deliveries?status=FAILED", "Authorization", "Bearer " + token);
            assertThat(failedForHolder.at("/items/0/lastError").asText()).as("the stack trace, in full")
                    .contains("lock service unavailable", "\tat ");

            JsonNode session = guardedClient.get("/api/session", "Authorization", "Bearer " + token);
            assertThat(session.get("readOnly").asBoolean()).isTrue();
            assertThat(session.get("tokenAccepted").asBoolean()).isTrue();
            assertThat(session.get("actions").asBoolean()).as("read-only, whatever the token").isFalse();
        }
        JsonNode open = client.get("/api/runs/" + runId);
        assertThat(open.at("/run/context/badArgument").asBoolean()).as("shown when not configured otherwise").isTrue();
        JsonNode session = client.get("/api/session", "Authorization", "Bearer anything-at-all-long");
        assertThat(session.get("tokenConfigured").asBoolean()).isFalse();
        assertThat(session.get("actions").asBoolean()).as("no token configured, no actions").isFalse();
    }

    @Test
    void theLiveOverviewIsSentAsServerSentEventsAndAgainAfterAChange(AiFirst runtime, TimeMachine time)
            throws Exception {
        try (ConsoleServer live = Console.builder(runtime).refreshInterval(Duration.ofMillis(100)).build()
                .serve(new java.net.InetSocketAddress(0));
                OverviewEvents events = OverviewEvents.open(live.uri().resolve("api/overview/stream"))) {
            JsonNode first = events.next();
            assertThat(first.at("/runs/COMPLETED").asLong()).isZero();

            runtime.workflows().start(Chain.class, new Chain.Context());
            time.runDue();

            JsonNode changed = events.nextMatching(overview -> overview.at("/runs/COMPLETED").asLong() == 1);
            assertThat(changed.at("/runs/COMPLETED").asLong()).isEqualTo(1);
        }
    }

    @Test
    void thePagesAndTheirAssetsAreServed() {
        for (String page : List.of("/", "/events", "/runs", "/run?id=x")) {
            HttpResponse<String> response = client.send("GET", page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(page).hasValue("text/html; charset=utf-8");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.body()).contains("<title>", "assets/console.css");
        }
        HttpResponse<String> css = client.send("GET", "/assets/console.css");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void aMountedConsoleAnswersUnderItsPath(AiFirst runtime) throws Exception {
        com.sun.net.httpserver.HttpServer own = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(0), 0);
        Console console = Console.builder(runtime).build();
        console.mount(own, "/ops");
        own.start();
        try {
            ConsoleClient mounted = new ConsoleClient(
                    java.net.URI.create("http://localhost:" + own.getAddress().getPort() + "/"));
            assertThat(mounted.get("/ops/api/overview").has("runs")).isTrue();
            HttpResponse<String> bare = mounted.send("GET", "/ops");
            assertThat(bare.statusCode()).isEqualTo(308);
            assertThat(bare.headers().firstValue("Location")).hasValue("/ops/");
            assertThat(mounted.send("GET", "/ops/").body()).contains("<title>");
        } finally {
            console.stop();
            own.stop(0);
        }
    }
}
