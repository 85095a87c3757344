package dev.aifirst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventQuery;
import dev.aifirst.events.EventStatus;
import dev.aifirst.events.Events;
import dev.aifirst.events.EventRecord;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.StepExecution;
import dev.aifirst.workflows.WorkflowRun;
import dev.aifirst.workflows.Workflows;
import dev.aifirst.workflows.fixtures.Chain;
import dev.aifirst.workflows.fixtures.DoublerGrandparent;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lists are read a page at a time: each item once, in a stable order, however the pages are cut. */
@DatabaseTest
class PagingTest {

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    /** Every item of a list, read in pages of {@code size}; also checks that no page is larger. */
    static <T> List<T> readAll(int size, Function<PageRequest, Page<T>> read) {
        List<T> all = new ArrayList<>();
        int pages = 0;
        for (PageRequest request = PageRequest.first(size); request != null; pages++) {
            Page<T> page = read.apply(request);
            assertThat(page.items().size()).as("page " + pages).isLessThanOrEqualTo(size);
            assertThat(page.hasNext()).isEqualTo(page.nextRequest() != null);
            all.addAll(page.items());
            request = page.nextRequest();
        }
        return all;
    }

    @Test
    void runsComeOldestFirstEachOnceWhateverThePageSize(Workflows workflows, TimeMachine time) {
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Chain.Context context = new Chain.Context();
            context.label = "paged-" + i;
            started.add(workflows.start(Chain.class, context));
            if (i % 3 == 0) {
                time.advance(Duration.ofSeconds(1)); // some runs share a creation time, some do not
            }
        }
        time.runDue();
        for (int size : List.of(1, 2, 3, 7, 100)) {
            List<WorkflowRun> runs = readAll(size, page -> workflows.runs(RunQuery.of(Chain.class), page));
            assertThat(runs).extracting(WorkflowRun::id).as("pages of " + size)
                    .containsExactlyInAnyOrderElementsOf(started).doesNotHaveDuplicates();
            assertThat(runs).extracting(WorkflowRun::createdAt).isSorted();
        }
        assertThat(readAll(3, page -> workflows.runs(RunQuery.named("chain"), page))).extracting(WorkflowRun::id)
                .as("by the workflow's name").containsExactlyInAnyOrderElementsOf(started);
        assertThat(workflows.count(RunQuery.named("no_such_workflow"))).isZero();
        assertThat(workflows.count(RunQuery.withStatus(RunStatus.COMPLETED))).isEqualTo(7);
        assertThat(workflows.runs(RunQuery.withStatus(RunStatus.FAILED), PageRequest.first(5)).items()).isEmpty();

        List<StepExecution> history = readAll(2, page -> workflows.history(started.get(0), page));
        assertThat(history).extracting(StepExecution::step).containsExactly("one", "two", "three", "four", "five");
    }

    @Test
    void eventsPageByTheOrderTheyWereRecorded(AiFirst runtime, TimeMachine time, EntityManagerFactory emf) {
        for (int i = 0; i < 5; i++) {
            Booking booking = new Booking("Guest " + i, time.now().plus(Duration.ofDays(i + 1)));
            TestHibernate.inTransaction(emf, em -> em.persist(booking));
        }
        List<EventRecord> everything = runtime.events().list(EventQuery.ofType(Booking.class), PageRequest.first(1000))
                .items();
        assertThat(everything).extracting(EventRecord::id).isSorted().doesNotHaveDuplicates();
        assertThat(readAll(2, page -> runtime.events().list(EventQuery.ofType(Booking.class), page)))
                .isEqualTo(everything);
    }

    @Test
    void eventsAndDeliveriesAreCountedByTheCriteriaTheyAreListedBy(AiFirst runtime, TimeMachine time,
            EntityManagerFactory emf) {
        for (int i = 0; i < 3; i++) {
            Booking booking = new Booking("Guest " + i, time.now().plus(Duration.ofDays(i + 1)));
            TestHibernate.inTransaction(emf, em -> em.persist(booking));
        }
        time.runDue();
        Events events = runtime.events();
        for (EventQuery query : List.of(EventQuery.all(), EventQuery.ofType(Booking.class),
                EventQuery.all().withStatus(EventStatus.PENDING), EventQuery.all().named("booking_created"),
                EventQuery.all().dueBetween(TestRuntime.T0, TestRuntime.T0.plus(Duration.ofDays(2))))) {
            assertThat(events.count(query)).as(query.toString())
                    .isEqualTo(readAll(2, page -> events.list(query, page)).size());
        }
        assertThat(events.count(EventQuery.all().named("booking_created").withStatus(EventStatus.OCCURRED))).isEqualTo(3);
        for (DeliveryQuery query : List.of(DeliveryQuery.all(), DeliveryQuery.withStatus(DeliveryStatus.DONE),
                DeliveryQuery.withStatus(DeliveryStatus.FAILED))) {
            assertThat(events.count(query)).as(query.toString())
                    .isEqualTo(readAll(2, page -> events.deliveries(query, page)).size());
        }
        assertThat(events.count(DeliveryQuery.withStatus(DeliveryStatus.DONE))).isPositive();
    }

    @Test
    void aRunsChildrenComePagedOldestFirst(Workflows workflows, TimeMachine time) {
        DoublerGrandparent.Context context = new DoublerGrandparent.Context();
        context.value = 21;
        String grandparent = workflows.start(DoublerGrandparent.class, context);
        time.runDue();
        List<WorkflowRun> children = readAll(1, page -> workflows.children(grandparent, page));
        assertThat(children).extracting(WorkflowRun::workflow).containsExactly("doubler_parent");
        assertThat(children.get(0).parentId()).isEqualTo(grandparent);
        assertThat(readAll(1, page -> workflows.children(children.get(0).id(), page)))
                .extracting(WorkflowRun::workflow).containsExactly("doubler");
        assertThat(workflows.children("no-such-run", PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aCursorFromElsewhereIsRefusedWithItsValue(Workflows workflows) {
        assertThatThrownBy(() -> workflows.runs(RunQuery.all(), new PageRequest(10, "not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not-a-cursor' is not a cursor of this list");
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to " + PageRequest.MAX_LIMIT);
    }
}
