package dev.aifirst.sample;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.EventQuery;
import dev.aifirst.events.EventRecord;
import dev.aifirst.spi.Instances;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.StepExecution;
import dev.aifirst.workflows.WorkflowRun;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * A guest journey on an accelerated clock: two bookings, a confirmation, a moved check-in, a
 * cancellation, documents before arrival, a door code an hour before check-in, and feedback after
 * check-out. {@link SampleApp} prints it; the tests check it.
 */
public final class GuestJourney implements AutoCloseable {

    /** Enough for every list a test reads. */
    static final PageRequest PAGE = PageRequest.first(100);

    /** When the journey begins: Monday 1 June 2026, 09:00 UTC. */
    public static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final TimeMachine time = TimeMachine.startingAt(START);
    private final Consumer<String> console;
    private final EntityManagerFactory entityManagerFactory;
    private final LockService locks = new LockService();
    private final AiFirst runtime;
    private long ada;
    private long bob;

    public GuestJourney(DataSource dataSource, Consumer<String> console) {
        this.console = console;
        this.entityManagerFactory = new HibernatePersistenceConfiguration("sample")
                .managedClasses(Guest.class, Reservation.class, SentMessage.class)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.hbm2ddl.auto", "create-drop")
                .createEntityManagerFactory();
        Outbox outbox = new Outbox(entityManagerFactory, time.clock(),
                message -> say("message to reservation #" + message.getReservationId() + " (" + message.getKind()
                        + "): " + message.getText()));
        Stays stays = new Stays(entityManagerFactory);
        // The application's objects, as a dependency-injection container would supply them.
        Map<Class<?>, Object> beans = Map.of(
                GuestMessages.class, new GuestMessages(outbox),
                StayLog.class, new StayLog(this::say),
                SmartLockSetup.class, new SmartLockSetup(outbox, locks),
                PreArrival.class, new PreArrival(outbox, stays));
        Instances instances = new Instances() {
            @Override
            public <T> T get(Class<T> type, java.util.function.Supplier<T> fallback) {
                Object bean = beans.get(type);
                return bean != null ? type.cast(bean) : fallback.get();
            }
        };
        this.runtime = AiFirst.builder()
                .dataSource(dataSource)
                .entityManagerFactory(entityManagerFactory)
                .instances(instances)
                .timeMachine(time)
                .start();
    }

    private void say(String line) {
        console.accept("[" + WHEN.format(time.now()) + "] " + line);
    }

    /** Plays the journey to the end; the clock runs from {@link #START} to the Friday afternoon after. */
    public void play() {
        say("Ada books a stay at Seaview 12, Wednesday to Friday");
        ada = entityManagerFactory.callInTransaction(em -> {
            Guest guest = new Guest("Ada", "ada@example.com");
            em.persist(guest);
            Reservation stay = new Reservation(guest, "Seaview 12", Instant.parse("2026-06-03T15:00:00Z"),
                    Instant.parse("2026-06-05T10:00:00Z"));
            em.persist(stay);
            return stay.getId();
        });
        time.runDue();

        time.advance(Duration.ofHours(1));
        say("the property confirms Ada's stay");
        update(ada, Reservation::confirm);

        time.advance(Duration.ofHours(1));
        say("Ada will arrive an hour later: check-in moves to 16:00");
        update(ada, stay -> stay.moveCheckin(Instant.parse("2026-06-03T16:00:00Z")));

        time.advance(Duration.ofHours(1));
        say("Bob books Harbour 3 for Wednesday, it is confirmed, then he cancels");
        bob = entityManagerFactory.callInTransaction(em -> {
            Guest guest = new Guest("Bob", "bob@example.com");
            em.persist(guest);
            Reservation stay = new Reservation(guest, "Harbour 3", Instant.parse("2026-06-03T15:00:00Z"),
                    Instant.parse("2026-06-04T10:00:00Z"));
            stay.confirm();
            em.persist(stay);
            return stay.getId();
        });
        time.runDue();
        update(bob, Reservation::cancel);

        advanceUntil(Instant.parse("2026-06-02T12:00:00Z"));
        say("Ada uploads her passport");
        update(ada, Reservation::receiveDocuments);

        advanceUntil(Instant.parse("2026-06-05T14:00:00Z"));
        say("the journey is over");
    }

    /** Moves the clock an hour at a time, running what falls due, in order. */
    private void advanceUntil(Instant end) {
        while (time.now().isBefore(end)) {
            time.advance(Duration.ofHours(1));
        }
    }

    private void update(long reservationId, Consumer<Reservation> change) {
        entityManagerFactory.runInTransaction(em -> change.accept(em.find(Reservation.class, reservationId)));
        time.runDue();
    }

    /** Ada's reservation: confirmed, moved, documents a day late, a full stay. */
    public long ada() {
        return ada;
    }

    /** Bob's reservation: confirmed, then cancelled. */
    public long bob() {
        return bob;
    }

    /** The messages sent, in order. */
    public List<SentMessage> messages() {
        return entityManagerFactory.callInTransaction(em -> em
                .createQuery("from SentMessage order by sentAt, id", SentMessage.class).getResultList());
    }

    /** The event rows of a reservation. */
    public List<EventRecord> events(long reservationId) {
        return runtime.events().list(EventQuery.ofEntity(Reservation.class, reservationId), PAGE).items();
    }

    /** The workflow runs a reservation's events started. */
    public List<WorkflowRun> runs(long reservationId) {
        return runtime.workflows().runs(RunQuery.all().entity(Reservation.class, reservationId), PAGE).items();
    }

    public List<StepExecution> history(String runId) {
        return runtime.workflows().history(runId, PAGE).items();
    }

    public LockService locks() {
        return locks;
    }

    public AiFirst runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.close();
        entityManagerFactory.close();
    }
}
