package dev.aifirst.workflows;

import com.zaxxer.hikari.HikariDataSource;
import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testsupport.ChildJvm;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.workflows.fixtures.Halting;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;

/** A node that starts a {@link Halting} run and dies inside its second step. */
public final class CrashingWorkflowNode {

    public static void main(String[] args) throws InterruptedException {
        HikariDataSource dataSource = ChildJvm.dataSource(args[0], args[1]);
        EntityManagerFactory emf = TestHibernate.createExisting(dataSource, Booking.class);
        AiFirst runtime = AiFirst.builder().dataSource(dataSource).entityManagerFactory(emf)
                .pollingInterval(Duration.ofMillis(200)).start();
        String id = runtime.workflows().start(Halting.class, new Halting.Context());
        System.out.println("started run " + id);
        System.out.flush();
        Thread.sleep(60_000); // the run's second step halts the JVM long before this
        runtime.close();
        System.exit(3);
    }
}
