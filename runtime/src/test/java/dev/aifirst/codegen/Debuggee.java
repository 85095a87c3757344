package dev.aifirst.codegen;

import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.workflows.fixtures.Chain;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;

/**
 * Runs generated code under a debugger ({@link DebuggerTest}): a booking is saved (the generated
 * evaluator calls its {@code when} methods), its {@code booking_created} handler runs (through the
 * generated dispatcher), and a {@link Chain} run goes through its steps (through the generated
 * state machine).
 */
public final class Debuggee {

    public static void main(String[] args) {
        try (TestDatabase db = TestDatabase.h2()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            TimeMachine time = TimeMachine.startingAt(Instant.parse("2026-06-01T09:00:00Z"));
            try (AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .timeMachine(time).start()) {
                TestHibernate.inTransaction(emf, em -> em.persist(new Booking("Ada", null)));
                Chain.Context context = new Chain.Context();
                context.label = "debugged";
                String run = runtime.workflows().start(Chain.class, context);
                time.runDue();
                System.out.println("run " + run + " " + runtime.workflows().find(run).status());
            } finally {
                emf.close();
            }
        }
    }
}
