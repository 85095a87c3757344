package dev.aifirst.agents;

import static dev.aifirst.testsupport.TestHibernate.fromTransaction;
import static dev.aifirst.testsupport.TestHibernate.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.AiFirst;
import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import dev.aifirst.agents.fixtures.Concierge;
import dev.aifirst.agents.fixtures.Note;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Business agents end to end on a controllable clock, on H2 and PostgreSQL. */
@DatabaseTest
class AgentsTest {

    static final PageRequest PAGE = PageRequest.first(100);
    static final Instant T0 = TestRuntime.T0;

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class, Note.class).build();

    EntityManagerFactory emf;
    TimeMachine time;
    AiFirst runtime;
    Agents agents;

    @BeforeEach
    void start() {
        emf = aifirst.entityManagerFactory();
        time = aifirst.time();
        runtime = aifirst.runtime();
        agents = runtime.agents();
        Concierge.reset();
        BookingHandlers.reset();
    }

    /**
     * A booking, confirmed once its creation's handlers ran (one of them renames the guest to
     * "Ada (welcomed)"), so that its concierge is spawned by the confirmation alone.
     */
    private long book(String guest) {
        long id = fromTransaction(emf, em -> {
            Booking booking = new Booking(guest, T0.plus(Duration.ofDays(10)));
            booking.setCheckoutDate(LocalDate.of(2026, 6, 20));
            em.persist(booking);
            return booking;
        }).getId();
        time.runDue();
        change(id, b -> b.setStatus(Booking.Status.CONFIRMED));
        return id;
    }

    private void change(long id, Consumer<Booking> change) {
        inTransaction(emf, em -> change.accept(em.find(Booking.class, id)));
    }

    private void note(long bookingId, String text) {
        inTransaction(emf, em -> em.persist(new Note(bookingId, text)));
    }

    private AgentRecord onlyAgentOf(long bookingId) {
        List<AgentRecord> found = agents.list("concierge", null, PAGE).items().stream()
                .filter(a -> String.valueOf(bookingId).equals(a.matchKey())).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<String> journal(String agentId) {
        return agents.journal(agentId, PAGE).items().stream().map(e -> e.kind() + " " + e.text()).toList();
    }

    private Concierge.Context context(long bookingId) {
        Concierge.Context context = new Concierge.Context();
        context.bookingId = bookingId;
        context.guest = "Ada";
        return context;
    }

    @Test
    void theSpawningEventSpawnsOneAgentAndRunsEachOfItsHandlersOnce() {
        long id = book("Ada");
        time.runDue();

        AgentRecord agent = onlyAgentOf(id);
        assertThat(agent.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(agent.name()).isEqualTo("concierge");
        assertThat(agent.entityType()).isEqualTo(Booking.class.getName());
        assertThat(agent.entityId()).isEqualTo(String.valueOf(id));
        assertThat(agent.nextHeartbeatAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(Concierge.CALLS).containsExactlyInAnyOrder("welcome " + id, "prepareRoom " + id);
        assertThat(journal(agent.id())).containsExactly(
                "SPAWNED spawned by booking_confirmed of Booking " + id,
                "HANDLED welcome with booking_confirmed of Booking " + id,
                "THOUGHT Ada (welcomed) confirmed; a welcome is due",
                "MESSAGE to Ada (welcomed): Welcome, Ada (welcomed)!",
                "HANDLED prepareRoom with booking_confirmed of Booking " + id);

        time.advance(Duration.ofMinutes(30));
        assertThat(Concierge.CALLS).as("nothing runs twice").hasSize(2);
    }

    @Test
    void aSingletonIsOnePerMatchWhicheverWayItIsSpawned() {
        long first = book("Ada");
        long second = book("Grace");
        time.runDue();
        String ada = onlyAgentOf(first).id();

        assertThat(agents.spawn(Concierge.class, context(first))).as("the active agent of the match").isEqualTo(ada);
        assertThat(agents.list("concierge", AgentStatus.ACTIVE, PAGE).items()).hasSize(2);

        assertThat(agents.finish(ada)).isTrue();
        assertThat(agents.finish(ada)).as("already finished").isFalse();
        String again = agents.spawn(Concierge.class, context(first));
        assertThat(again).as("a finished agent frees its match").isNotEqualTo(ada);
        assertThat(agents.find(ada).status()).isEqualTo(AgentStatus.FINISHED);
        assertThat(agents.find(ada).finishReason()).isEqualTo("finished by runtime.agents().finish");
        assertThat(journal(again)).containsExactly("SPAWNED spawned by hand");
        assertThat(agents.list("concierge", AgentStatus.FINISHED, PAGE).items()).extracting(AgentRecord::id)
                .containsExactly(ada);
        assertThat(onlyAgentOf(second).status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @Test
    void agentsAreListedAPageAtATime() {
        for (int i = 0; i < 5; i++) {
            agents.spawn(Concierge.class, context(100 + i));
            time.advance(Duration.ofSeconds(1));
        }
        Page<AgentRecord> page = agents.list("concierge", AgentStatus.ACTIVE, PageRequest.first(2));
        assertThat(page.items()).extracting(AgentRecord::matchKey).containsExactly("100", "101");
        page = agents.list("concierge", AgentStatus.ACTIVE, page.nextRequest());
        assertThat(page.items()).extracting(AgentRecord::matchKey).containsExactly("102", "103");
        page = agents.list("concierge", AgentStatus.ACTIVE, page.nextRequest());
        assertThat(page.items()).extracting(AgentRecord::matchKey).containsExactly("104");
        assertThat(page.hasNext()).isFalse();
        assertThat(agents.list("someone_else", null, PAGE).items()).isEmpty();
    }

    @Test
    void anEventOfAnotherEntityReachesOnlyTheAgentItMatches() {
        long ada = book("Ada");
        long grace = book("Grace");
        time.runDue();
        Concierge.CALLS.clear();

        note(ada, "Where is the key?");
        time.runDue();

        assertThat(Concierge.CALLS).containsExactly("answer " + ada + ": Where is the key?");
        assertThat(onlyAgentOf(ada).context()).contains("\"notes\":[\"Where is the key?\"]");
        assertThat(onlyAgentOf(grace).context()).contains("\"notes\":[]");
        assertThat(journal(onlyAgentOf(ada).id())).contains("DECISION answer 'Where is the key?'");
    }

    @Test
    void aHandlerWhoseWhenIsFalseIsRecordedAsSkipped() {
        long id = book("Ada");
        time.runDue();
        note(id, "Please stop");
        time.runDue();
        Concierge.CALLS.clear();

        note(id, "Hello?");
        time.runDue();

        assertThat(Concierge.CALLS).isEmpty();
        assertThat(journal(onlyAgentOf(id).id())).contains("SKIPPED answer skipped note_received of Note "
                + noteIds().get(1) + ": its 'when' was false");
    }

    private List<Long> noteIds() {
        return fromTransaction(emf, em -> em.createQuery("select n.id from Note n order by n.id", Long.class)
                .getResultList());
    }

    @Test
    void theEventsOfAQuietWindowArriveTogether() {
        long id = book("Ada");
        time.runDue();
        Concierge.CALLS.clear();

        note(id, "one");
        time.advance(Duration.ofMinutes(4));
        note(id, "two");
        time.advance(Duration.ofMinutes(9));
        note(id, "three");
        time.advance(Duration.ofMinutes(9));
        assertThat(Concierge.CALLS).as("the window is not quiet yet").noneMatch(c -> c.startsWith("digest"));

        time.advance(Duration.ofMinutes(1));
        assertThat(Concierge.CALLS).filteredOn(c -> c.startsWith("digest"))
                .containsExactly("digest " + id + ": [one, two, three]");
    }

    @Test
    void anOffsetRunsTheHandlerAfterTheEventsDateAndFollowsTheDate() {
        long id = book("Ada");
        time.runDue();
        change(id, b -> b.setCheckoutDate(LocalDate.of(2026, 6, 22)));
        Instant checkout = LocalDate.of(2026, 6, 22).atStartOfDay(ZoneOffset.UTC).toInstant();

        time.advanceTo(checkout.plus(Duration.ofMinutes(59)));
        assertThat(Concierge.CALLS).noneMatch(c -> c.startsWith("askForFeedback"));
        time.advance(Duration.ofMinutes(1));

        assertThat(Concierge.CALLS).contains("askForFeedback " + id);
        AgentRecord agent = agents.find(onlyAgentOf(id).id());
        assertThat(agent.status()).as("the handler decided to finish").isEqualTo(AgentStatus.FINISHED);
        assertThat(agent.finishReason()).isEqualTo("asked Ada (welcomed) for feedback");
        assertThat(agent.finishedAt()).isEqualTo(checkout.plus(Duration.ofHours(1)));
        assertThat(journal(agent.id())).last().isEqualTo("FINISHED asked Ada (welcomed) for feedback");
    }

    @Test
    void theHeartbeatRunsEveryIntervalUntilTheAgentFinishesItself() {
        Concierge.FINISH_AFTER_HEARTBEATS.set(3);
        long id = book("Ada");
        time.runDue();
        Concierge.CALLS.clear();

        time.advance(Duration.ofHours(1));
        assertThat(Concierge.CALLS).isEmpty();
        time.advance(Duration.ofHours(1));
        assertThat(Concierge.CALLS).containsExactly("act " + id + " #1");
        time.advance(Duration.ofHours(4));
        assertThat(Concierge.CALLS).containsExactly("act " + id + " #1", "act " + id + " #2", "act " + id + " #3");

        AgentRecord agent = onlyAgentOf(id);
        assertThat(agent.status()).isEqualTo(AgentStatus.FINISHED);
        assertThat(agent.context()).contains("\"heartbeats\":3");
        assertThat(agent.nextHeartbeatAt()).isNull();
        time.advance(Duration.ofDays(1));
        assertThat(Concierge.CALLS).as("a finished agent has no heartbeat").hasSize(3);

        note(id, "anyone there?");
        time.runDue();
        assertThat(Concierge.CALLS).as("nor events").hasSize(3);
    }

    @Test
    void aFailedHandlerKeepsThePreviousContextAndIsNotRetriedByDefault() {
        long id = book("Ada");
        time.runDue();
        Concierge.ANSWER_FAILS.set(true);

        note(id, "Hello?");
        time.advance(Duration.ofDays(1));

        AgentRecord agent = onlyAgentOf(id);
        assertThat(agent.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(agent.context()).as("the failed call's change is discarded").contains("\"notes\":[]");
        assertThat(Concierge.CALLS).filteredOn(c -> c.startsWith("answer")).hasSize(1);
        assertThat(journal(agent.id())).contains("DECISION answer 'Hello?'",
                "FAILED answer failed after 1 attempt: java.lang.IllegalStateException: the answer could not be sent;"
                        + " the context keeps its previous state");
    }

    @Test
    void aFailedHandlerFollowsItsRetryPolicy() {
        long id = book("Ada");
        time.runDue();
        note(id, "Late arrival");
        time.advance(Duration.ofMinutes(10));
        Concierge.FAILURES_TO_GO.set(1);

        inTransaction(emf, em -> em.createQuery("select n from Note n", Note.class).getSingleResult()
                .setText("Late arrival, around 11"));
        time.runDue();
        AgentRecord agent = onlyAgentOf(id);
        assertThat(agent.context()).as("unchanged").contains("\"edits\":[]");
        assertThat(journal(agent.id())).last().isEqualTo("FAILED noteEdited failed (attempt 1 of 2):"
                + " java.lang.IllegalStateException: the front desk is unreachable; it runs again at "
                + time.now().plus(Duration.ofMinutes(1)));

        time.advance(Duration.ofMinutes(1));
        assertThat(Concierge.CALLS).contains("noteEdited " + id + ": Late arrival, around 11");
        assertThat(onlyAgentOf(id).context()).contains("\"edits\":[\"Late arrival, around 11\"]");
    }

    @Test
    void spawningNeedsTheAgentsOwnContext() {
        assertThatThrownBy(() -> agents.spawn(Concierge.class, "bookingId=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The context of Concierge is a dev.aifirst.agents.fixtures.Concierge$Context, not a"
                        + " java.lang.String");
        assertThatThrownBy(() -> agents.spawn(String.class, context(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("java.lang.String is not a deployed @Agent");
    }
}
