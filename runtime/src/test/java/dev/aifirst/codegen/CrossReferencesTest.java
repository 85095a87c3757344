package dev.aifirst.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.aifirst.codegen.Compilations.compile;
import static dev.aifirst.codegen.Compilations.resource;
import static dev.aifirst.codegen.Compilations.source;
import static dev.aifirst.codegen.Compilations.testSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.aifirst.processor.AiFirstProcessor;
import dev.aifirst.processor.base.Message;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Checks that need a whole compilation: event names that handlers refer to, constants of classes
 * generated in the same compilation, registries aggregated over several classes, and sources that
 * do not compile for reasons of their own.
 */
class CrossReferencesTest {

    private static JavaFileObject handlers(String className, String body) {
        return source("dev.aifirst.events.fixtures." + className, """
                package dev.aifirst.events.fixtures;

                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;

                public class %s {
                %s
                }
                """.formatted(className, body));
    }

    @Test
    void anEventTheEntityDoesNotDeclareIsAnError() {
        JavaFileObject handlers = handlers("Typos", """
                    @OnEvent("booking_creatd")
                    void onCreated(EventContext<Booking> event) { }
                """);
        Compilation compilation = compile(testSource("dev/aifirst/events/fixtures/Booking.java"), handlers);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Message.EVENT_NOT_DECLARED.tag()
                        + " Booking declares no event 'booking_creatd'; its events are: booking_created,"
                        + " booking_confirmed, checkin_due, checkout_due, stage_done:{stage}, booking_changed,"
                        + " booking_deleted")
                .inFile(handlers).onLineContaining("@OnEvent(\"booking_creatd\")");
    }

    @Test
    void anEventNoEntityOfTheCompilationDeclaresIsAWarning() {
        // Booking is on the class path here, not in the compilation, as if it lived in another module.
        JavaFileObject handlers = handlers("Elsewhere", """
                    @OnEvent("booking_archived")
                    void onArchived(EventContext<Booking> event) { }
                """);
        Compilation compilation = compile(handlers);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation)
                .hadWarningContaining(Message.EVENT_UNKNOWN_TO_HANDLER.tag()
                        + " no entity in this compilation declares the event 'booking_archived' that"
                        + " onArchived handles; check the name, or ignore this if Booking declares it in another module")
                .inFile(handlers).onLineContaining("@OnEvent(\"booking_archived\")");
    }

    @Test
    void aRenderingOfATemplateIsAKnownEvent() {
        Compilation compilation = compile(testSource("dev/aifirst/events/fixtures/Booking.java"), handlers("Stages", """
                    @OnEvent("stage_done:cleaning")
                    void onCleaned(EventContext<Booking> event) { }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aNegativeOffsetOnAnImmediateEventIsAWarning() {
        JavaFileObject handlers = handlers("Early", """
                    @OnEvent(value = BookingEvents.BOOKING_CREATED, offset = "-PT1H")
                    void beforeCreated(EventContext<Booking> event) { }
                """);
        Compilation compilation = compile(testSource("dev/aifirst/events/fixtures/Booking.java"), handlers);
        assertThat(compilation).succeeded();
        assertThat(compilation)
                .hadWarningContaining(Message.OFFSET_BEFORE_IMMEDIATE_EVENT.tag()
                        + " 'booking_created' is an immediate event, so the negative offset of beforeCreated"
                        + " cannot run before it; it runs when the event occurs")
                .inFile(handlers).onLineContaining("offset = \"-PT1H\"");
    }

    @Test
    void aNamespaceOtherThanTheEventsConstantIsAnError() {
        JavaFileObject escalations = handlers("OnCall", """
                    @OnEvent(value = TicketEvents.TICKET_ESCALATED, namespace = "escalation")
                    void page(EventContext<Ticket> event) { }
                """);
        JavaFileObject tenants = handlers("Tenants", """
                    @OnEvent(value = BookingEvents.BOOKING_CREATED, namespace = "tenant-a")
                    void welcome(EventContext<Booking> event) { }
                """);
        Compilation compilation = compile(testSource("dev/aifirst/events/fixtures/Ticket.java"),
                testSource("dev/aifirst/events/fixtures/Booking.java"), escalations, tenants);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Message.NAMESPACE_NEVER_DECLARED.tag()
                        + " Ticket declares 'ticket_escalated' in namespace \"escalations\", so the handler page in"
                        + " namespace \"escalation\" would never receive it; use namespace \"escalations\", or leave"
                        + " namespace out to receive every namespace")
                .inFile(escalations).onLineContaining("namespace = \"escalation\"");
        assertThat(compilation).hadErrorContaining(Message.NAMESPACE_NEVER_DECLARED.tag()
                        + " Booking declares 'booking_created' in namespace \"*\" (the default), so the handler welcome"
                        + " in namespace \"tenant-a\" would never receive it; declare the event's namespace with"
                        + " @Event(namespace = ...), or leave namespace out here")
                .inFile(tenants).onLineContaining("namespace = \"tenant-a\"");
    }

    @Test
    void aNamespaceTheEventsTemplateCannotRenderIsAnError() {
        JavaFileObject handlers = handlers("Routing", """
                    @OnEvent(value = TicketEvents.TICKET_OPENED, namespace = "support")
                    void route(EventContext<Ticket> event) { }

                    @OnEvent(value = TicketEvents.TICKET_OPENED, namespace = "team-")
                    void routeNowhere(EventContext<Ticket> event) { }

                    @OnEvent(value = TicketEvents.TICKET_OPENED, namespace = "team-front-desk")
                    void routeToFrontDesk(EventContext<Ticket> event) { }
                """);
        Compilation compilation = compile(testSource("dev/aifirst/events/fixtures/Ticket.java"), handlers);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Message.NAMESPACE_NEVER_RENDERED.tag()
                        + " Ticket renders the namespace of 'ticket_opened' from \"team-{team}\", which can never be"
                        + " \"support\", so the handler route would never receive it; the namespace must keep the"
                        + " template's literal text, with at least one character for each placeholder")
                .inFile(handlers).onLineContaining("namespace = \"support\"");
        // A placeholder stands for at least one character: a team with an empty name renders no namespace.
        assertThat(compilation).hadErrorContaining(Message.NAMESPACE_NEVER_RENDERED.tag()
                        + " Ticket renders the namespace of 'ticket_opened' from \"team-{team}\", which can never be"
                        + " \"team-\"")
                .inFile(handlers).onLineContaining("namespace = \"team-\"");
    }

    @Test
    void aWorkflowInANamespaceItsEventNeverHasIsAnError() {
        JavaFileObject workflow = source("dev.aifirst.events.fixtures.SalesFollowUp", """
                package dev.aifirst.events.fixtures;

                import dev.aifirst.Flow;
                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;

                @Workflow(name = "sales_follow_up", on = TicketEvents.TICKET_OPENED,
                          namespace = "sales")
                public class SalesFollowUp {
                    public record Context(long ticketId) { }

                    static Context createContext(EventContext<Ticket> event) { return new Context(1); }

                    @Step(start = true)
                    Flow call(Context ctx) { return Flow.complete(); }
                }
                """);
        Compilation compilation = compile(testSource("dev/aifirst/events/fixtures/Ticket.java"), workflow);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.NAMESPACE_NEVER_RENDERED.tag()
                        + " Ticket renders the namespace of 'ticket_opened' from \"team-{team}\", which can never be"
                        + " \"sales\", so the workflow SalesFollowUp would never receive it")
                .inFile(workflow).onLineContaining("namespace = \"sales\"");
    }

    @Test
    void registriesListEveryClassOfTheCompilation() {
        JavaFileObject room = source("dev.aifirst.events.fixtures.Room", """
                package dev.aifirst.events.fixtures;

                import dev.aifirst.annotations.*;
                import jakarta.persistence.*;

                @Entity
                @Events(@Event(name = "room_cleaned"))
                public class Room {
                    @Id String number;
                }
                """);
        Compilation compilation = compile(room, testSource("dev/aifirst/events/fixtures/Booking.java"),
                handlers("Housekeeping", """
                    @OnEvent(RoomEvents.ROOM_CLEANED)
                    void onCleaned(EventContext<Room> event) { }
                """), testSource("dev/aifirst/events/fixtures/BookingHandlers.java"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.EntityEvents")).isEqualTo("""
                dev.aifirst.events.fixtures.BookingEvents
                dev.aifirst.events.fixtures.RoomEvents
                """);
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.EventHandlers")).isEqualTo("""
                dev.aifirst.events.fixtures.BookingHandlersEventHandlers
                dev.aifirst.events.fixtures.HousekeepingEventHandlers
                """);
    }

    @Test
    void registriesAlsoListClassesThatAppearInALaterRound() {
        // Another processor writes an entity, its handlers and a workflow in the first round; ours
        // sees them in the second and must add them to the registries of the first.
        Compilation compilation = javac().withProcessors(new AiFirstProcessor(), new RoundOneSources(CABIN_SOURCES))
                .compile(testSource("dev/aifirst/events/fixtures/Booking.java"),
                        testSource("dev/aifirst/events/fixtures/BookingHandlers.java"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.EntityEvents")).isEqualTo("""
                dev.aifirst.events.fixtures.BookingEvents
                dev.aifirst.events.fixtures.CabinEvents
                """);
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.EventHandlers")).isEqualTo("""
                dev.aifirst.events.fixtures.BookingHandlersEventHandlers
                dev.aifirst.events.fixtures.CabinHandlersEventHandlers
                """);
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.WorkflowDefinition")).isEqualTo("""
                dev.aifirst.events.fixtures.CabinCleaningWorkflow
                """);
    }

    /** Sources that use our annotations, written in the first round the way a second code generator would. */
    private static final Map<String, String> CABIN_SOURCES = Map.of(
            "dev.aifirst.events.fixtures.Cabin", """
                    package dev.aifirst.events.fixtures;

                    import dev.aifirst.annotations.*;
                    import jakarta.persistence.*;

                    @Entity
                    @Events(@Event(name = "cabin_vacated"))
                    public class Cabin {
                        @Id Long id;
                    }
                    """,
            "dev.aifirst.events.fixtures.CabinHandlers", """
                    package dev.aifirst.events.fixtures;

                    import dev.aifirst.annotations.*;
                    import dev.aifirst.events.EventContext;

                    public class CabinHandlers {
                        @OnEvent(CabinEvents.CABIN_VACATED)
                        void onVacated(EventContext<Cabin> event) { }
                    }
                    """,
            "dev.aifirst.events.fixtures.CabinCleaning", """
                    package dev.aifirst.events.fixtures;

                    import dev.aifirst.Flow;
                    import dev.aifirst.annotations.*;
                    import dev.aifirst.events.EventContext;

                    @Workflow(name = "cabin_cleaning", on = "cabin_vacated")
                    public class CabinCleaning {
                        public record Context(long cabinId) { }

                        static Context createContext(EventContext<Cabin> event) {
                            return new Context(event.entity().id);
                        }

                        @Step(start = true)
                        Flow clean(Context context) {
                            return Flow.complete();
                        }
                    }
                    """);

    @Test
    void matchNamesTheEntitysIdNotAnotherProperty() {
        // Waiting runs are found by the id of the event's entity; a match on another property
        // would never find them, so it is a compile error rather than a run that waits forever.
        JavaFileObject workflow = source("dev.aifirst.events.fixtures.Arrival", """
                package dev.aifirst.events.fixtures;

                import dev.aifirst.Flow;
                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;

                @Workflow(name = "arrival")
                public class Arrival {
                    public static class Context { public long bookingId; public String guest = ""; }

                    @Step(start = true)
                    @WaitForEvent(value = "booking_confirmed", match = @Match(entity = "guest", context = "guest"))
                    Flow greet(Context ctx, EventContext<Booking> confirmed) { return Flow.complete(); }
                }
                """);
        Compilation compilation = compile(testSource("dev/aifirst/events/fixtures/Booking.java"), workflow);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.MATCH_ENTITY_NOT_ID.tag()
                + " @Match(entity) names the id of Booking, not 'guest': keep that id"
                + " in the context and match on it, e.g. @Match(entity = \"id\", context = \"guest\")")
                .inFile(workflow).onLineContaining("match = @Match(");

        JavaFileObject byId = source("dev.aifirst.events.fixtures.Arrival", """
                package dev.aifirst.events.fixtures;

                import dev.aifirst.Flow;
                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;

                @Workflow(name = "arrival")
                public class Arrival {
                    public static class Context { public long bookingId; }

                    @Step(start = true)
                    @WaitForEvent(value = "booking_confirmed", match = @Match(entity = "id", context = "bookingId"))
                    Flow greet(Context ctx, EventContext<Booking> confirmed) { return Flow.complete(); }
                }
                """);
        assertThat(compile(testSource("dev/aifirst/events/fixtures/Booking.java"), byId)).succeededWithoutWarnings();
    }

    @Test
    void aSourceThatDoesNotCompileGetsOnlyJavacsOwnError() {
        JavaFileObject broken = source("dev.aifirst.events.fixtures.Broken", """
                package dev.aifirst.events.fixtures;

                import dev.aifirst.annotations.*;
                import jakarta.persistence.*;

                @Entity
                @Events(@Event(name = "broken_created"))
                public class Broken {
                    @Id Long id;
                    MissingType missing;
                }
                """);
        Compilation compilation = compile(broken);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(broken).onLineContaining("MissingType");
    }
}
