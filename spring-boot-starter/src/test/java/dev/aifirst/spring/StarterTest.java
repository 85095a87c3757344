package dev.aifirst.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.AiFirst;
import dev.aifirst.spring.app.Booking;
import dev.aifirst.spring.app.BookingDesk;
import dev.aifirst.spring.app.Bookings;
import dev.aifirst.spring.app.Concierge;
import dev.aifirst.spring.app.Confirmation;
import dev.aifirst.spring.app.Greeter;
import dev.aifirst.spring.app.Guestbook;
import dev.aifirst.spring.app.StarterTestApplication;
import dev.aifirst.spring.app.Stamps;
import dev.aifirst.spring.testsupport.DatabaseTest;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The starter in an application: the runtime is a bean, started with the context, on the
 * application's database and Hibernate; handlers and workflows are Spring beans (or made by the bean
 * factory); and start and signal inside a {@code @Transactional} method commit or roll back with it.
 */
@DatabaseTest
@SpringBootTest(classes = {StarterTestApplication.class, TimeMachineConfiguration.class})
class StarterTest {

    @Autowired
    AiFirst runtime;
    @Autowired
    TimeMachine time;
    @Autowired
    Guestbook guestbook;
    @Autowired
    BookingDesk desk;
    @Autowired
    ApplicationContext context;
    @Autowired
    Bookings bookings;
    @Autowired
    Stamps stamps;

    @Test
    void theRuntimeRunsWithTheContextOnTheApplicationsTimeMachine() {
        assertThat(runtime.isRunning()).isTrue();
        assertThat(runtime.clock().instant()).isEqualTo(time.now());
    }

    @Test
    void aHandlerThatIsABeanIsThatBeanWithItsInjectedDependencies() {
        desk.book("Ada", false);
        time.runDue();

        Greeter greeter = context.getBean(Greeter.class);
        assertThat(guestbook.lines()).contains("greeted Ada by bean " + System.identityHashCode(greeter));
    }

    @Test
    void aHandlerThatIsNotABeanIsMadeOnceByTheBeanFactoryWithInjection() {
        assertThat(context.getBeanProvider(Concierge.class).getIfAvailable()).as("Concierge is no bean").isNull();
        Booking grace = new Booking("Grace");
        Booking linus = new Booking("Linus");
        grace.confirm();
        linus.confirm();
        bookings.saveAll(List.of(grace, linus));
        time.runDue();

        List<String> confirmations = guestbook.lines().stream()
                .filter(line -> line.startsWith("confirmed Grace") || line.startsWith("confirmed Linus")).toList();
        assertThat(confirmations).hasSize(2);
        // Both by one instance, which wrote to the context's Guestbook bean: it was injected.
        String concierge = confirmations.get(0).substring(confirmations.get(0).indexOf(" by concierge "));
        assertThat(confirmations).allMatch(line -> line.endsWith(concierge));
    }

    @Test
    void aRunStartedInATransactionThatCommitsExistsAndRuns() {
        String runId = desk.book("Barbara", false);

        assertThat(runtime.workflows().find(runId)).isNotNull();
        time.runDue();
        assertThat(guestbook.lines()).contains("confirmation sent to Barbara");
        assertThat(runtime.workflows().find(runId).status()).isEqualTo(RunStatus.WAITING);
    }

    @Test
    void aRunStartedInATransactionThatRollsBackNeverExists() {
        long runsBefore = runtime.workflows().count(RunQuery.of(Confirmation.class));

        assertThatThrownBy(() -> desk.book("Edsger", true)).hasMessageContaining("declined");

        assertThat(runtime.workflows().count(RunQuery.of(Confirmation.class))).isEqualTo(runsBefore);
        assertThat(bookings.countByGuest("Edsger")).as("the booking rolled back too").isZero();
        time.runDue();
        assertThat(guestbook.lines()).noneMatch(line -> line.contains("Edsger"));
    }

    @Test
    void aSignalSentInATransactionWakesTheRunOnlyIfItCommits() {
        String runId = desk.book("Tony", false);
        time.runDue();

        assertThatThrownBy(() -> desk.pay("Tony", "card", true)).hasMessageContaining("bounced");
        time.runDue();
        assertThat(runtime.workflows().find(runId).status()).as("still waiting after the rollback")
                .isEqualTo(RunStatus.WAITING);

        assertThat(desk.pay("Tony", "transfer", false)).isEqualTo(1);
        time.runDue();
        assertThat(runtime.workflows().find(runId).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(guestbook.lines()).contains("Tony paid by transfer").doesNotContain("Tony paid by card");
    }

    @Test
    void outsideATransactionStartCommitsOnItsOwn() {
        Confirmation.Context context = new Confirmation.Context();
        context.guest = "Niklaus";
        String runId = runtime.workflows().start(Confirmation.class, context);

        assertThat(runtime.workflows().find(runId)).isNotNull();
    }

    @Test
    void aRepositoryInAHandlerWritesInTheDeliverysTransactionAndRollsBackWithIt() {
        desk.book("Flaky Fred", false);

        time.runDue(); // the first attempt writes its stamp, then fails
        time.advance(Duration.ofMinutes(1)); // the retry writes it again, and succeeds

        assertThat(stamps.countByGuest("Flaky Fred")).as("stamps committed").isEqualTo(1);
    }
}
