package dev.aifirst.sample;

import dev.aifirst.PageRequest;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventRecord;
import dev.aifirst.workflows.StepExecution;
import dev.aifirst.workflows.WorkflowRun;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs the sample guest journey on an in-memory H2 database and prints what happens and when:
 * {@code ./mvnw -q -pl sample -am package exec:java -DskipTests}.
 */
public final class SampleApp {

    /** Enough for every list a test reads. */
    static final PageRequest PAGE = PageRequest.first(100);

    private SampleApp() {
    }

    public static void main(String[] args) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        try (GuestJourney journey = new GuestJourney(dataSource, System.out::println)) {
            journey.play();
            for (long reservation : new long[] {journey.ada(), journey.bob()}) {
                System.out.println();
                System.out.println("Events of reservation #" + reservation + ":");
                for (EventRecord event : journey.events(reservation)) {
                    System.out.printf("  %-22s %-9s due %s%s%n", event.name(), event.status(), event.dueAt(),
                            event.note() == null ? "" : "  (" + event.note() + ")");
                    for (DeliveryRecord delivery : journey.runtime().events().deliveries(DeliveryQuery.ofEvent(event.id()), PAGE).items()) {
                        if (delivery.status() == DeliveryStatus.SKIPPED) {
                            String handler = delivery.subscriber().substring(delivery.subscriber().lastIndexOf('.') + 1);
                            System.out.printf("    %s skipped: %s%n", handler, delivery.lastError());
                        }
                    }
                }
                for (WorkflowRun run : journey.runs(reservation)) {
                    System.out.println("Workflow " + run.workflow() + ": " + run.status()
                            + (run.error() == null ? "" : " (" + run.error() + ")"));
                    for (StepExecution step : journey.history(run.id())) {
                        System.out.printf("  %s  %-16s #%d  %s%s%n", step.startedAt(), step.step(), step.attempt(),
                                step.outcome(), step.error() == null ? "" : "  " + step.error());
                    }
                }
            }
        }
    }
}
