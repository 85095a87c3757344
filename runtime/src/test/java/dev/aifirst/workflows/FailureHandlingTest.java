package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Unsteady;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A database that goes away costs no step attempt; @OnFail runs once, after the failure is committed. */
@DatabaseTest
class FailureHandlingTest {

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    AiFirst runtime;
    TimeMachine time;
    Workflows workflows;

    @BeforeEach
    void start() {
        runtime = aifirst.runtime();
        time = aifirst.time();
        workflows = runtime.workflows();
        Unsteady.reset();
    }

    private List<String> history(String runId) {
        return workflows.history(runId, PageRequest.first(100)).items().stream()
                .map(s -> s.step() + "#" + s.attempt() + " " + s.outcome()).toList();
    }

    @Test
    void aStepThatMeetsADatabaseThatIsAwayIsTriedAgainWithoutSpendingAnAttempt() {
        Unsteady.TRANSIENT_TO_GO.set(2);
        String id = workflows.start(Unsteady.class, new Unsteady.Context());
        time.runDue();

        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(Unsteady.CALLS).as("two calls met the lost connection, the third went through").hasValue(3);
        assertThat(history(id)).as("no attempt was recorded as failed").containsExactly("work#1 complete()");
    }

    @Test
    void onFailRunsOnceAfterTheFailureIsCommittedEvenIfItsExecutionComesTwice() throws Exception {
        Unsteady.Context context = new Unsteady.Context();
        context.failForGood = true;
        String id = workflows.start(Unsteady.class, context);
        Unsteady.committedStatus = () -> String.valueOf(workflows.find(id).status());

        time.runDue();
        time.advance(Duration.ofSeconds(1));

        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.FAILED);
        assertThat(Unsteady.ON_FAIL).containsExactly("the lock refuses the code (attempt 2), the run FAILED");

        // The hook's execution again, as after a takeover: the hook was called already, so not again.
        Database database = new Database(aifirst.dataSource());
        database.inTransaction(c -> Executions.add(c, database.dialect(), "aif-workflow-on-fail", id, time.now()));
        time.runDue();
        assertThat(Unsteady.ON_FAIL).hasSize(1);
    }
}
