package dev.aifirst.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.PageRequest;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventRecord;
import dev.aifirst.events.EventStatus;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.WorkflowRun;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample's guest journey: every message, in order, at its simulated time. */
class GuestJourneyTest {

    /** Enough for every list a test reads. */
    static final PageRequest PAGE = PageRequest.first(100);

    final List<String> console = new ArrayList<>();
    GuestJourney journey;

    @BeforeEach
    void play() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:journey-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        journey = new GuestJourney(dataSource, console::add);
        journey.play();
    }

    @AfterEach
    void close() {
        journey.close();
    }

    private List<String> messagesOf(long reservation) {
        return journey.messages().stream().filter(m -> m.getReservationId() == reservation)
                .map(m -> m.getSentAt() + " " + m.getKind()).toList();
    }

    @Test
    void adaGetsEveryMessageOfHerStayAtItsTime() {
        assertThat(messagesOf(journey.ada())).containsExactly(
                "2026-06-01T10:00:00Z welcome",
                "2026-06-01T10:00:00Z documents",
                "2026-06-02T10:00:00Z documents-reminder",
                "2026-06-02T12:00:00Z documents-received",
                "2026-06-02T16:00:00Z pre-arrival",           // a day before the moved check-in
                "2026-06-03T15:00:03Z door-code",             // an hour before it, after two failed lock calls
                "2026-06-05T10:00:00Z door-code-revoked",     // at check-out
                "2026-06-05T12:00:00Z feedback");             // two hours after
        assertThat(journey.locks().activeCodes()).isEmpty();
        assertThat(console).as("the pre-arrival run claimed the documents; the log ignores claims")
                .contains("[Tue 02 Jun 12:00] event documents_received for Ada's stay");
        EventRecord documents = journey.events(journey.ada()).stream()
                .filter(e -> e.name().equals("documents_received")).findFirst().orElseThrow();
        assertThat(journey.runtime().events().deliveries(DeliveryQuery.ofEvent(documents.id()), PAGE).items())
                .filteredOn(d -> d.status() == DeliveryStatus.SKIPPED)
                .singleElement().satisfies(d -> {
                    assertThat(d.subscriber()).isEqualTo(GuestMessages.class.getName() + "#acknowledgeDocuments");
                    assertThat(d.lastError()).startsWith("the event is claimed by workflow:");
                });
    }

    @Test
    void bobsCancelledStayGetsNoArrivalMessages() {
        assertThat(messagesOf(journey.bob())).containsExactly(
                "2026-06-01T12:00:00Z welcome",
                "2026-06-01T12:00:00Z documents",
                "2026-06-01T12:00:00Z cancellation");
        assertThat(journey.events(journey.bob())).filteredOn(e -> e.name().equals("checkin_due"))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(EventStatus.PENDING));
        assertThat(journey.runs(journey.bob())).extracting(WorkflowRun::workflow).containsExactly("pre_arrival");
    }

    @Test
    void theDoorCodeWorkflowRetriedTheLockAndRevokedTheCodeAtCheckout() {
        WorkflowRun lock = journey.runs(journey.ada()).stream()
                .filter(r -> r.workflow().equals("smart_lock_setup")).findFirst().orElseThrow();
        assertThat(lock.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(journey.history(lock.id())).extracting(s -> s.step() + "#" + s.attempt() + " " + s.outcome())
                .containsExactly("generateCode#1 goTo(sendToLock, 0.25)", "sendToLock#1 FAILED", "sendToLock#2 FAILED",
                        "sendToLock#3 goTo(notifyGuest, 0.5)", "notifyGuest#1 goTo(revokeCode, 0.75)",
                        "revokeCode#1 complete()");
        assertThat(console).contains("[Wed 03 Jun 16:00] event checkin_due for Ada's stay");
    }
}
