package dev.aifirst.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.aifirst.processor.Sources.compile;
import static dev.aifirst.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each rule the processor checks on {@code @OnEvent} methods, reported on the method or the
 * annotation member at fault. (The checks of event names against entities need the generated
 * events to compile, so they are tested in the runtime module, {@code OnEventReferencesTest}.)
 */
class OnEventDiagnosticsTest {

    private static final JavaFileObject ROOM = source("Room", """
            @Entity
            public class Room {
                @Id Long id;
            }
            """);

    private static JavaFileObject handlers(String methods) {
        return source("RoomHandlers", "public class RoomHandlers {\n" + methods + "\n}\n");
    }

    private static void assertSingleErrorOnLine(JavaFileObject source, String message, String line) {
        Sources.assertSingleErrorOnLine(source, message, line, ROOM);
    }

    @Test
    void methodWithTwoParameters() {
        assertSingleErrorOnLine(handlers("""
                    @OnEvent("room_created")
                    void onCreated(EventContext<Room> event, String extra) { }
                """),
                "@OnEvent method onCreated takes 2 parameters; an @OnEvent method takes one EventContext<Entity>"
                        + " parameter and returns void, e.g. void onCreated(EventContext<Reservation> event)",
                "void onCreated(");
    }

    @Test
    void methodTakingTheEntityInsteadOfTheContext() {
        assertSingleErrorOnLine(handlers("""
                    @OnEvent("room_created")
                    void onCreated(Room room) { }
                """),
                "@OnEvent method onCreated takes test.Room; an @OnEvent method takes one EventContext<Entity> parameter",
                "void onCreated(");
    }

    @Test
    void methodTakingAWildcardContext() {
        assertSingleErrorOnLine(handlers("""
                    @OnEvent("room_created")
                    void onCreated(EventContext<?> event) { }
                """),
                "@OnEvent method onCreated takes dev.aifirst.events.EventContext<?>;",
                "void onCreated(");
    }

    @Test
    void methodReturningAValue() {
        assertSingleErrorOnLine(handlers("""
                    @OnEvent("room_created")
                    boolean onCreated(EventContext<Room> event) { return true; }
                """),
                "@OnEvent method onCreated returns boolean; an @OnEvent method takes one EventContext<Entity> parameter"
                        + " and returns void",
                "boolean onCreated(");
    }

    @Test
    void privateMethod() {
        assertSingleErrorOnLine(handlers("""
                    @OnEvent("room_created")
                    private void onCreated(EventContext<Room> event) { }
                """),
                "@OnEvent method onCreated is private; make it package-private or public so the generated dispatcher"
                        + " can call it",
                "private void onCreated(");
    }

    @Test
    void twoHandlersWithOneName() {
        assertSingleErrorOnLine(handlers("""
                    @OnEvent("room_created")
                    void onRoom(EventContext<Room> event) { }

                    @OnEvent("room_cleaned")
                    void onRoom(EventContext<Room> event, Object... extra) { }
                """),
                "two @OnEvent methods of RoomHandlers are named onRoom; a handler is identified by its method name",
                "@OnEvent(\"room_cleaned\")");
    }

    @Test
    void unparsableOffset() {
        assertSingleErrorOnLine(handlers("""
                    @OnEvent(value = "room_created", offset = "1 hour")
                    void onCreated(EventContext<Room> event) { }
                """),
                "'1 hour' is not an ISO-8601 duration for offset; write it like \"PT30S\", \"PT2H\", \"P1D\" or,"
                        + " before a date, \"-PT1H\"",
                "offset = \"1 hour\"");
    }

    @Test
    void badRetry() {
        JavaFileObject source = handlers("""
                    @OnEvent(value = "room_created",
                             retry = @Retry(maxAttempts = 0,
                                            backoff = "soon",
                                            multiplier = 0.5))
                    void onCreated(EventContext<Room> event) { }
                """);
        Compilation compilation = compile(ROOM, source);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("@Retry maxAttempts must be at least 1 (the first attempt counts), was 0")
                .inFile(source).onLineContaining("maxAttempts = 0");
        assertThat(compilation).hadErrorContaining("'soon' is not an ISO-8601 duration for backoff")
                .inFile(source).onLineContaining("backoff = \"soon\"");
        assertThat(compilation).hadErrorContaining("@Retry multiplier must be a finite number of at least 1.0, was 0.5")
                .inFile(source).onLineContaining("multiplier = 0.5");
    }

    @Test
    void emptyEventName() {
        assertSingleErrorOnLine(handlers("""
                    @OnEvent("")
                    void onCreated(EventContext<Room> event) { }
                """),
                "@OnEvent needs an event name; use the generated constant, e.g. ReservationEvents.CHECKIN_DUE",
                "@OnEvent(\"\")");
    }

    @Test
    void handlersInAPrivateNestedClass() {
        assertSingleErrorOnLine(source("Outer", """
                public class Outer {
                    private static class Inner {
                        @OnEvent("room_created")
                        void onCreated(EventContext<Room> event) { }
                    }
                }
                """),
                "@OnEvent methods belong in a class that is top-level or a static nested class, and not private",
                "@OnEvent(\"room_created\")");
    }
}
