package dev.aifirst.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.agents.fixtures.Concierge;
import dev.aifirst.agents.fixtures.Note;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agent lives in the database: its heartbeat goes on in the next runtime, after a stop of days. */
@DatabaseTest
class AgentRestartTest {

    static final Instant T0 = TestRuntime.T0;

    @BeforeEach
    void reset() {
        Concierge.reset();
    }

    private static AiFirst start(TestDatabase db, EntityManagerFactory emf, TimeMachine time) {
        return AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf).timeMachine(time).start();
    }

    @Test
    void theHeartbeatSurvivesARestart() {
        try (TestDatabase db = TestDatabase.create()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class, Note.class);
            Concierge.Context context = new Concierge.Context();
            context.bookingId = 3;
            String id;
            TimeMachine before = TimeMachine.startingAt(T0);
            try (AiFirst runtime = start(db, emf, before)) {
                id = runtime.agents().spawn(Concierge.class, context);
                before.advance(Duration.ofHours(2));
            }
            assertThat(Concierge.CALLS).containsExactly("act 3 #1");

            // Down for three days: the missed heartbeats are not made up; the next runs one interval on.
            TimeMachine after = TimeMachine.startingAt(T0.plus(Duration.ofDays(3)));
            try (AiFirst runtime = start(db, emf, after)) {
                after.runDue();
                assertThat(Concierge.CALLS).containsExactly("act 3 #1", "act 3 #2");
                assertThat(runtime.agents().find(id).nextHeartbeatAt())
                        .isEqualTo(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)));
                after.advance(Duration.ofHours(2));
                assertThat(Concierge.CALLS).containsExactly("act 3 #1", "act 3 #2", "act 3 #3");
                assertThat(runtime.agents().find(id).context()).contains("\"heartbeats\":3");
                assertThat(runtime.agents().journal(id, PageRequest.first(10)).items())
                        .extracting(JournalEntry::kind).containsExactly(JournalKind.SPAWNED);
            }
            emf.close();
        }
    }
}
