package dev.aifirst.workflows;

import com.zaxxer.hikari.HikariDataSource;
import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testsupport.ChildJvm;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.workflows.fixtures.Chain;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;

/**
 * A cluster node in a JVM of its own: starts {@code args[2]} {@link Chain} runs and works on them
 * (and on any other node's) until it is killed.
 */
public final class ClusterNode {

    public static void main(String[] args) throws InterruptedException {
        HikariDataSource dataSource = ChildJvm.dataSource(args[0], args[1]);
        EntityManagerFactory emf = TestHibernate.createExisting(dataSource, Booking.class);
        AiFirst runtime = AiFirst.builder().dataSource(dataSource).entityManagerFactory(emf).nodeName("node-a")
                .threads(4).pollingInterval(Duration.ofMillis(100)).heartbeatInterval(Duration.ofSeconds(1)).start();
        int runs = Integer.parseInt(args[2]);
        for (int i = 0; i < runs; i++) {
            Chain.Context context = new Chain.Context();
            context.label = "a-" + i;
            runtime.workflows().start(Chain.class, context);
        }
        System.out.println("started " + runs + " runs");
        System.out.flush();
        Thread.sleep(120_000); // the test kills this JVM long before
        runtime.close();
        System.exit(3);
    }
}
