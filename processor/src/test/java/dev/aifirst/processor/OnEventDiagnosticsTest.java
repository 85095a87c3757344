package dev.aifirst.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.aifirst.processor.Sources.assertErrorOnLine;
import static dev.aifirst.processor.Sources.compile;
import static dev.aifirst.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.aifirst.processor.base.Message;
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

    private static void assertSingleErrorOnLine(Message message, JavaFileObject source, String text, String line) {
        Sources.assertSingleErrorOnLine(message, source, text, line, ROOM);
    }

    @Test
    void methodWithTwoParameters() {
        assertSingleErrorOnLine(Message.HANDLER_PARAMETER_COUNT, handlers("""
                    @OnEvent("room_created")
                    void onCreated(EventContext<Room> event, String extra) { }
                """),
                "@OnEvent method onCreated takes 2 parameters; an @OnEvent method takes one EventContext<Entity>"
                        + " parameter and returns void, e.g. void onCreated(EventContext<Reservation> event)",
                "void onCreated(");
    }

    @Test
    void methodTakingTheEntityInsteadOfTheContext() {
        assertSingleErrorOnLine(Message.HANDLER_PARAMETER_TYPE, handlers("""
                    @OnEvent("room_created")
                    void onCreated(Room room) { }
                """),
                "@OnEvent method onCreated takes test.Room; an @OnEvent method takes one EventContext<Entity> parameter",
                "void onCreated(");
    }

    @Test
    void methodTakingAWildcardContext() {
        assertSingleErrorOnLine(Message.HANDLER_PARAMETER_TYPE, handlers("""
                    @OnEvent("room_created")
                    void onCreated(EventContext<?> event) { }
                """),
                "@OnEvent method onCreated takes dev.aifirst.events.EventContext<?>;",
                "void onCreated(");
    }

    @Test
    void methodReturningAValue() {
        assertSingleErrorOnLine(Message.HANDLER_RETURNS_VALUE, handlers("""
                    @OnEvent("room_created")
                    boolean onCreated(EventContext<Room> event) { return true; }
                """),
                "@OnEvent method onCreated returns boolean; an @OnEvent method takes one EventContext<Entity> parameter"
                        + " and returns void",
                "boolean onCreated(");
    }

    @Test
    void privateMethod() {
        assertSingleErrorOnLine(Message.HANDLER_PRIVATE, handlers("""
                    @OnEvent("room_created")
                    private void onCreated(EventContext<Room> event) { }
                """),
                "@OnEvent method onCreated is private; make it package-private or public so the generated dispatcher"
                        + " can call it",
                "private void onCreated(");
    }

    @Test
    void twoHandlersWithOneName() {
        assertSingleErrorOnLine(Message.HANDLER_DUPLICATE_NAME, handlers("""
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
        assertSingleErrorOnLine(Message.DURATION_UNPARSABLE, handlers("""
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
        assertErrorOnLine(compilation, Message.RETRY_ATTEMPTS,
                "@Retry maxAttempts must be at least 1 (the first attempt counts), was 0", source, "maxAttempts = 0");
        assertErrorOnLine(compilation, Message.DURATION_UNPARSABLE, "'soon' is not an ISO-8601 duration for backoff",
                source, "backoff = \"soon\"");
        assertErrorOnLine(compilation, Message.RETRY_MULTIPLIER,
                "@Retry multiplier must be a finite number of at least 1.0, was 0.5", source, "multiplier = 0.5");
    }

    @Test
    void emptyNamespace() {
        assertSingleErrorOnLine(Message.SUBSCRIBER_NAMESPACE_EMPTY, handlers("""
                    @OnEvent(value = "room_created", namespace = " ")
                    void onCreated(EventContext<Room> event) { }
                """),
                "namespace must not be empty; leave it out to receive every namespace (\"*\")",
                "namespace = \" \"");
    }

    @Test
    void malformedNamespace() {
        JavaFileObject source = handlers("""
                    @OnEvent(value = "room_created",
                             namespace = "floor-{floor}")
                    void onCreated(EventContext<Room> event) { }

                    @OnEvent(value = "room_created",
                             namespace = "floor-*")
                    void onAnyFloor(EventContext<Room> event) { }
                """);
        Compilation compilation = compile(ROOM, source);
        assertThat(compilation).hadErrorCount(2);
        assertErrorOnLine(compilation, Message.SUBSCRIBER_NAMESPACE_MALFORMED,
                "namespace 'floor-{floor}' has a placeholder, but is compared with the namespace each occurrence"
                        + " renders; name one namespace as the event renders it, e.g. \"tenant-a\", or \"*\" for every"
                        + " namespace", source, "namespace = \"floor-{floor}\"");
        assertErrorOnLine(compilation, Message.SUBSCRIBER_NAMESPACE_MALFORMED,
                "namespace 'floor-*' uses * as a wildcard, which only \"*\" on its own is;", source,
                "namespace = \"floor-*\"");
    }

    @Test
    void emptyEventName() {
        assertSingleErrorOnLine(Message.HANDLER_EVENT_MISSING, handlers("""
                    @OnEvent("")
                    void onCreated(EventContext<Room> event) { }
                """),
                "@OnEvent needs an event name; use the generated constant, e.g. ReservationEvents.CHECKIN_DUE",
                "@OnEvent(\"\")");
    }

    @Test
    void handlersInAPrivateNestedClass() {
        assertSingleErrorOnLine(Message.HANDLER_CLASS_NOT_REACHABLE, source("Outer", """
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

    @Test
    void genericMethod() {
        assertSingleErrorOnLine(Message.HANDLER_GENERIC, handlers("""
                    @OnEvent("room_created")
                    <T> void onCreated(EventContext<Room> event) { }
                """),
                "@OnEvent method onCreated must not be generic; an @OnEvent method takes one EventContext<Entity>",
                "void onCreated(");
    }

    @Test
    void retryWithMaxBackoffShorterThanBackoff() {
        assertSingleErrorOnLine(Message.RETRY_MAX_BACKOFF_SHORT, handlers("""
                    @OnEvent(value = "room_created", retry = @Retry(backoff = "PT1M", maxBackoff = "PT10S"))
                    void onCreated(EventContext<Room> event) { }
                """),
                "@Retry maxBackoff PT10S is shorter than backoff PT1M", "maxBackoff = \"PT10S\"");
    }

    @Test
    void retryNamingAClassInBothLists() {
        assertSingleErrorOnLine(Message.RETRY_CLASS_IN_BOTH_LISTS, handlers("""
                    @OnEvent(value = "room_created",
                             retry = @Retry(nonRetryable = {IllegalArgumentException.class,
                                                            IllegalStateException.class},
                                            retryOn = {java.io.IOException.class,
                                                       IllegalStateException.class}))
                    void onCreated(EventContext<Room> event) { }
                """),
                "@Retry names java.lang.IllegalStateException both in nonRetryable and in retryOn; keep it in"
                        + " nonRetryable to fail at once on it, or in retryOn to retry it",
                "                           IllegalStateException.class}))");
    }

    @Test
    void negativeBackoff() {
        assertSingleErrorOnLine(Message.DURATION_NEGATIVE, handlers("""
                    @OnEvent(value = "room_created", retry = @Retry(backoff = "-PT1S"))
                    void onCreated(EventContext<Room> event) { }
                """),
                "backoff must not be negative, was -PT1S", "backoff = \"-PT1S\"");
    }
}
