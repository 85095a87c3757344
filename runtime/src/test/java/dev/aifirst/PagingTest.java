package dev.aifirst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.events.EventQuery;
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
    void aCursorFromElsewhereIsRefusedWithItsValue(Workflows workflows) {
        assertThatThrownBy(() -> workflows.runs(RunQuery.all(), new PageRequest(10, "not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not-a-cursor' is not a cursor of this list");
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to " + PageRequest.MAX_LIMIT);
    }
}
