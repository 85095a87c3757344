package dev.aifirst.events;

import static dev.aifirst.testsupport.TestHibernate.fromTransaction;
import static dev.aifirst.testsupport.TestHibernate.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Ticket;
import dev.aifirst.events.fixtures.TicketHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.WorkflowRun;
import dev.aifirst.workflows.fixtures.SupportFollowUp;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Handlers and workflows that receive one namespace: {@code Ticket}'s events render the team into
 * theirs ({@code team-{team}}) or have a constant one ({@code escalations}).
 */
@DatabaseTest
class NamespacesTest {

    static final PageRequest PAGE = PageRequest.first(100);
    static final Instant T0 = TestRuntime.T0;
    static final String HANDLERS = TicketHandlers.class.getName() + "#";

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Ticket.class).build();

    EntityManagerFactory emf;
    TimeMachine time;
    AiFirst runtime;

    @BeforeEach
    void start() {
        emf = aifirst.entityManagerFactory();
        time = aifirst.time();
        runtime = aifirst.runtime();
        TicketHandlers.reset();
        TicketHandlers.clock = time.clock();
    }

    long open(String team, Instant dueAt) {
        return fromTransaction(emf, em -> {
            Ticket ticket = new Ticket(team, dueAt);
            em.persist(ticket);
            return ticket.getId();
        });
    }

    /** The handlers that ran, with what they received, in the order they ran. */
    List<String> calls(String... handlers) {
        return TicketHandlers.CALLS.stream().filter(c -> List.of(handlers).contains(c.substring(0, c.indexOf(' '))))
                .toList();
    }

    EventRecord event(long id, String name) {
        return runtime.events().list(EventQuery.ofEntity(Ticket.class, id), PAGE).items().stream()
                .filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    List<String> deliveredTo(EventRecord event) {
        return runtime.events().deliveries(DeliveryQuery.ofEvent(event.id()), PAGE).items().stream()
                .map(d -> d.subscriber().substring(d.subscriber().indexOf('#') + 1) + " " + d.status()).sorted()
                .toList();
    }

    @Test
    void eachHandlerReceivesItsOwnNamespaceAndTheHandlerOfEveryNamespaceReceivesBoth() {
        long support = open("support", null);
        long sales = open("sales", null);
        time.runDue();

        assertThat(event(support, "ticket_opened").namespace()).isEqualTo("team-support");
        assertThat(event(sales, "ticket_opened").namespace()).isEqualTo("team-sales");
        assertThat(calls("assignToSupport")).containsExactly(
                "assignToSupport ticket_opened [team-support] #" + support + " at " + T0);
        assertThat(calls("assignToSales")).containsExactly(
                "assignToSales ticket_opened [team-sales] #" + sales + " at " + T0);
        assertThat(calls("countTicket")).containsExactlyInAnyOrder(
                "countTicket ticket_opened [team-support] #" + support + " at " + T0,
                "countTicket ticket_opened [team-sales] #" + sales + " at " + T0);
    }

    @Test
    void aHandlerOfAnotherNamespaceGetsNoDeliveryAtAll() {
        long sales = open("sales", null);
        time.runDue();

        // Not even a skipped one: it never subscribed to the sales team's tickets.
        assertThat(deliveredTo(event(sales, "ticket_opened"))).containsExactly("assignToSales DONE", "countTicket DONE");
    }

    @Test
    void aConstantNamespaceReachesItsHandler() {
        long ticket = open("sales", null);
        time.runDue();
        assertThat(calls("pageOnCall")).isEmpty();

        inTransaction(emf, em -> em.find(Ticket.class, ticket).setEscalated(true));
        time.runDue();

        assertThat(calls("pageOnCall")).containsExactly(
                "pageOnCall ticket_escalated [escalations] #" + ticket + " at " + T0);
        assertThat(deliveredTo(event(ticket, "ticket_escalated"))).containsExactly("pageOnCall DONE");
    }

    @Test
    void anEarlyDeliveryIsArmedOnlyInItsNamespaceAndFollowsTheTemplatesRendering() {
        Instant due = T0.plus(Duration.ofDays(1));
        long support = open("support", due);
        long sales = open("sales", due);
        time.runDue();
        assertThat(deliveredTo(event(sales, "ticket_due"))).isEmpty();
        assertThat(deliveredTo(event(support, "ticket_due"))).containsExactly("remindSupport SCHEDULED");

        // The sales ticket moves to support: its event renders a new namespace, and the reminder follows.
        inTransaction(emf, em -> em.find(Ticket.class, sales).setTeam("support"));
        time.advance(Duration.ofDays(2));

        Instant hourBefore = due.minus(Duration.ofHours(1));
        assertThat(calls("remindSupport")).containsExactlyInAnyOrder(
                "remindSupport ticket_due [team-support] #" + support + " at " + hourBefore,
                "remindSupport ticket_due [team-support] #" + sales + " at " + hourBefore);
        EventRecord moved = runtime.events().list(EventQuery.ofEntity(Ticket.class, sales), PAGE).items().stream()
                .filter(e -> e.name().equals("ticket_due") && e.namespace().equals("team-sales")).findFirst()
                .orElseThrow();
        assertThat(moved.status()).isEqualTo(EventStatus.CANCELLED);
    }

    @Test
    void aWorkflowStartsOnlyOnItsNamespacesOccurrences() {
        long support = open("support", null);
        long sales = open("sales", null);
        time.runDue();

        List<WorkflowRun> runs = runtime.workflows().runs(RunQuery.of(SupportFollowUp.class), PAGE).items();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.entityId()).isEqualTo(String.valueOf(support));
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.result()).isEqualTo("\"acknowledged in team-support\"");
        });
        assertThat(runtime.workflows().runs(RunQuery.all().entity(Ticket.class, sales), PAGE).items()).isEmpty();
        assertThat(deliveredTo(event(sales, "ticket_opened"))).doesNotContain("workflow:support_follow_up DONE");
        assertThat(deliveredTo(event(support, "ticket_opened"))).contains("workflow:support_follow_up DONE");
    }
}
