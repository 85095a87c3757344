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
 * Each rule the processor checks on {@code @Agent} classes and their {@code @Handler} and
 * {@code @Heartbeat} methods, reported on the element or annotation member at fault. (Checks that need
 * generated code to compile, such as two agents with one name or an event the entity does not declare,
 * are in the runtime module's {@code GeneratedAgentTest}.)
 */
class AgentDiagnosticsTest {

    /** The entity that spawns the agents; without {@code @Events}, so nothing is generated for it. */
    private static final JavaFileObject ROOM = source("Room", """
            @Entity
            public class Room {
                @Id Long id;
                String floor;
                public Long getId() { return id; }
            }
            """);

    /** Another entity, related to a room by its {@code roomId}. */
    private static final JavaFileObject NOTE = source("Note", """
            @Entity
            public class Note {
                @Id Long id;
                Long roomId;
                String roomName;
            }
            """);

    private static JavaFileObject agent(String annotation, String body) {
        return source("Housekeeper", """
                import dev.aifirst.agents.*;
                import java.util.List;

                %s
                public class Housekeeper {
                    public static class Context { public long roomId; public String name = ""; }
                    static Context createContext(EventContext<Room> event) { return new Context(); }
                %s
                }
                """.formatted(annotation, body));
    }

    private static final String AGENT = "@Agent(name = \"housekeeper\", spawnOn = \"room_created\","
            + " match = @Match(entity = \"id\", context = \"roomId\"))";

    private static void assertSingleErrorOnLine(Message message, JavaFileObject source, String text, String line) {
        Sources.assertSingleErrorOnLine(message, source, text, line, ROOM, NOTE);
    }

    // The class

    @Test
    void abstractAgent() {
        assertSingleErrorOnLine(Message.AGENT_NOT_CONCRETE, source("Housekeeper", """
                @Agent(name = "housekeeper")
                public abstract class Housekeeper {
                }
                """), "@Agent belongs on a concrete class with @Handler or @Heartbeat methods", "@Agent(");
    }

    @Test
    void privateNestedAgent() {
        assertSingleErrorOnLine(Message.AGENT_NOT_REACHABLE, source("Hotel", """
                public class Hotel {
                    @Agent(name = "housekeeper")
                    private static class Housekeeper {
                    }
                }
                """), "the agent Housekeeper must be a top-level or static nested class that is not private",
                "@Agent(");
    }

    @Test
    void nameWithWhitespace() {
        assertSingleErrorOnLine(Message.AGENT_NAME_INVALID, agent("@Agent(name = \"house keeper\", spawnOn ="
                + " \"room_created\", match = @Match(entity = \"id\", context = \"roomId\"))", """
                    @Handler(event = "room_cleaned") void cleaned(Context ctx, EventContext<Room> event) { }
                """), "an agent needs a name without whitespace", "@Agent(");
    }

    @Test
    void emptyNamespace() {
        assertSingleErrorOnLine(Message.NAMESPACE_EMPTY, agent("@Agent(name = \"housekeeper\", spawnOn ="
                + " \"room_created\", namespace = \"\", match = @Match(entity = \"id\", context = \"roomId\"))", """
                    @Handler(event = "room_cleaned") void cleaned(Context ctx, EventContext<Room> event) { }
                """), "namespace must not be empty", "@Agent(");
    }

    @Test
    void withoutContext() {
        assertSingleErrorOnLine(Message.AGENT_CONTEXT_MISSING, source("Housekeeper", """
                @Agent(name = "housekeeper")
                public class Housekeeper {
                    @Handler(event = "room_cleaned") void cleaned(EventContext<Room> event) { }
                }
                """), "the agent Housekeeper needs a nested class Context holding its state", "@Agent(");
    }

    @Test
    void contextJacksonCannotConstruct() {
        assertSingleErrorOnLine(Message.AGENT_CONTEXT_NOT_CONSTRUCTIBLE, source("Housekeeper", """
                @Agent(name = "housekeeper")
                public class Housekeeper {
                    public class Context { public long roomId; }
                    @Handler(event = "room_cleaned") void cleaned(EventContext<Room> event) { }
                }
                """), "Jackson cannot construct Housekeeper.Context, which stores each agent's state: it is an inner"
                + " class; make it static", "public class Context");
    }

    @Test
    void spawnedByAnEventWithoutCreateContext() {
        assertSingleErrorOnLine(Message.AGENT_CREATE_CONTEXT_MISSING, source("Housekeeper", """
                @Agent(name = "housekeeper", spawnOn = "room_created")
                public class Housekeeper {
                    public static class Context { public long roomId; }
                    @Handler(event = "room_cleaned", match = @Match(entity = "id", context = "roomId"))
                    void cleaned(EventContext<Room> event) { }
                }
                """), "an agent spawned by an event creates its context from it: declare static Context"
                + " createContext(EventContext<Entity> event) in Housekeeper", "@Agent(");
    }

    @Test
    void createContextWithTheWrongSignature() {
        assertSingleErrorOnLine(Message.AGENT_CREATE_CONTEXT_SIGNATURE, source("Housekeeper", """
                @Agent(name = "housekeeper", spawnOn = "room_created")
                public class Housekeeper {
                    public static class Context { public long roomId; }
                    Context createContext(Room room) { return new Context(); }
                    @Handler(event = "room_cleaned", match = @Match(entity = "id", context = "roomId"))
                    void cleaned(EventContext<Room> event) { }
                }
                """), "createContext must be static, not private, take one EventContext<Entity> and return Context",
                "Context createContext(");
    }

    @Test
    void agentMatchWithoutASpawningEvent() {
        assertSingleErrorOnLine(Message.AGENT_MATCH_WITHOUT_SPAWN, source("Housekeeper", """
                @Agent(name = "housekeeper",
                       match = @Match(entity = "id", context = "roomId"))
                public class Housekeeper {
                    public static class Context { public long roomId; }
                    @Handler(event = "room_cleaned", match = @Match(context = "roomId", entity = "id"))
                    void cleaned(EventContext<Room> event) { }
                }
                """), "@Agent(match) relates the spawning event's entity to the context, and Housekeeper has no"
                + " spawnOn; give each @Handler its own match instead", "match = @Match(entity = \"id\", context = \"roomId\"))");
    }

    @Test
    void matchOfTwoTypes() {
        assertSingleErrorOnLine(Message.MATCH_TYPES_DIFFER, agent("""
                @Agent(name = "housekeeper", spawnOn = "room_created",
                       match = @Match(entity = "floor", context = "roomId"))""", """
                    @Handler(event = "room_cleaned") void cleaned(Context ctx, EventContext<Room> event) { }
                """), "@Match compares Room.floor, a java.lang.String, with Housekeeper.Context.roomId, a long; match"
                + " properties of one type", "match = @Match(");
    }

    @Test
    void matchOfAPropertyTheContextLacks() {
        assertSingleErrorOnLine(Message.MATCH_CONTEXT_PROPERTY_MISSING, agent("""
                @Agent(name = "housekeeper", spawnOn = "room_created",
                       match = @Match(entity = "id", context = "room"))""", """
                    @Handler(event = "room_cleaned") void cleaned(Context ctx, EventContext<Room> event) { }
                """), "Housekeeper.Context has no property 'room' for @Match(context)", "match = @Match(");
    }

    @Test
    void matchOfAPropertyTheEntityLacks() {
        assertSingleErrorOnLine(Message.MATCH_ENTITY_PROPERTY_MISSING, agent(AGENT, """
                    @Handler(event = "note_added",
                             match = @Match(entity = "room", context = "roomId"))
                    void noted(Context ctx, EventContext<Note> event) { }
                """), "Note has no property 'room' for @Match(entity)", "match = @Match(entity = \"room\"");
    }

    @Test
    void matchWithOneSide() {
        assertSingleErrorOnLine(Message.MATCH_ONE_SIDED, agent(AGENT, """
                    @Handler(event = "note_added",
                             match = @Match(entity = "roomId"))
                    void noted(Context ctx, EventContext<Note> event) { }
                """), "@Match names both sides", "match = @Match(entity = \"roomId\")");
    }

    @Test
    void zeroHeartbeat() {
        assertSingleErrorOnLine(Message.DURATION_NOT_POSITIVE, agent("""
                @Agent(name = "housekeeper", spawnOn = "room_created", heartbeat = "PT0S",
                       match = @Match(entity = "id", context = "roomId"))""", """
                    @Heartbeat void act(Context ctx) { }
                """), "heartbeat must be longer than zero, was PT0S; leave it out for none", "heartbeat = \"PT0S\"");
    }

    @Test
    void unparsableDurations() {
        JavaFileObject source = agent("""
                @Agent(name = "housekeeper", spawnOn = "room_created",
                       heartbeat = "2 hours",
                       match = @Match(entity = "id", context = "roomId"))""", """
                    @Heartbeat void act(Context ctx) { }
                    @Handler(event = "room_cleaned",
                             offset = "1 hour") void cleaned(Context ctx, EventContext<Room> event) { }
                    @Handler(event = "note_added", match = @Match(entity = "roomId", context = "roomId"),
                             debounce = "5 minutes") void noted(Context ctx, List<EventContext<Note>> events) { }
                """);
        Compilation compilation = compile(ROOM, NOTE, source);
        assertThat(compilation).hadErrorCount(3);
        assertErrorOnLine(compilation, Message.DURATION_UNPARSABLE, "'2 hours' is not an ISO-8601 duration for heartbeat",
                source, "heartbeat = \"2 hours\"");
        assertErrorOnLine(compilation, Message.DURATION_UNPARSABLE, "'1 hour' is not an ISO-8601 duration for offset",
                source, "offset = \"1 hour\"");
        assertErrorOnLine(compilation, Message.DURATION_UNPARSABLE,
                "'5 minutes' is not an ISO-8601 duration for debounce", source, "debounce = \"5 minutes\"");
    }

    @Test
    void agentThatDoesNothing() {
        assertSingleErrorOnLine(Message.AGENT_WITHOUT_WORK, agent(AGENT, ""),
                "the agent Housekeeper has no @Handler and no @Heartbeat method, so it would never do anything",
                "@Agent(");
    }

    // @Handler methods

    @Test
    void handlerOutsideAnAgent() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_OUTSIDE_AGENT, source("Housekeeper", """
                public class Housekeeper {
                    @Handler(event = "room_cleaned") void cleaned(EventContext<Room> event) { }
                }
                """), "@Handler method cleaned is in Housekeeper, which is not an @Agent", "@Handler(");
    }

    @Test
    void privateHandler() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_PRIVATE, agent(AGENT, """
                    @Handler(event = "room_cleaned")
                    private void cleaned(Context ctx, EventContext<Room> event) { }
                """), "@Handler method cleaned is private", "@Handler(event = \"room_cleaned\")");
    }

    @Test
    void handlerReturningAValue() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_RETURNS, agent(AGENT, """
                    @Handler(event = "room_cleaned")
                    String cleaned(Context ctx, EventContext<Room> event) { return ""; }
                """), "@Handler method cleaned returns java.lang.String; a handler takes any of the agent's Context,"
                + " the event", "String cleaned(");
    }

    @Test
    void handlerTakingWhatItCannotBeGiven() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_PARAMETER, agent(AGENT, """
                    @Handler(event = "room_cleaned")
                    void cleaned(Context ctx,
                                 Room room) { }
                """), "@Handler method cleaned cannot be given a test.Room; a handler takes any of", "Room room)");
    }

    @Test
    void handlerTakingTwoEvents() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_PARAMETER_TWICE, agent(AGENT, """
                    @Handler(event = "room_cleaned")
                    void cleaned(EventContext<Room> event,
                                 EventContext<Room> again) { }
                """), "@Handler method cleaned takes two parameters of type dev.aifirst.events.EventContext<test.Room>",
                "EventContext<Room> again)");
    }

    @Test
    void handlerWithoutAnEvent() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_EVENT_MISSING, agent(AGENT, """
                    @Handler(event = "")
                    void cleaned(Context ctx, EventContext<Room> event) { }
                """), "@Handler needs an event name", "@Handler(event = \"\")");
    }

    @Test
    void twoHandlersOfOneName() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_DUPLICATE_NAME, agent(AGENT, """
                    @Handler(event = "room_cleaned") void cleaned(Context ctx, EventContext<Room> event) { }
                    @Handler(event = "room_aired") void cleaned(EventContext<Room> event) { }
                """), "two @Handler methods of Housekeeper are named cleaned", "@Handler(event = \"room_aired\")");
    }

    @Test
    void debouncedHandlerTakingOneEvent() {
        assertSingleErrorOnLine(Message.DEBOUNCED_HANDLER_WITHOUT_LIST, agent(AGENT, """
                    @Handler(event = "room_cleaned",
                             debounce = "PT5M")
                    void cleaned(Context ctx, EventContext<Room> event) { }
                """), "@Handler method cleaned is debounced, so it receives the events of its quiet window together:"
                + " take a List<EventContext<Room>> instead of EventContext<Room>", "debounce = \"PT5M\"");
    }

    @Test
    void listOfEventsWithoutDebounce() {
        assertSingleErrorOnLine(Message.EVENT_LIST_WITHOUT_DEBOUNCE, agent(AGENT, """
                    @Handler(event = "room_cleaned")
                    void cleaned(Context ctx, List<EventContext<Room>> events) { }
                """), "@Handler method cleaned takes a list of events, which only a debounced handler receives; add"
                + " debounce = \"PT5M\"", "@Handler(event = \"room_cleaned\")");
    }

    @Test
    void handlerOfAnotherEntityWithoutMatch() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_UNRELATED, agent(AGENT, """
                    @Handler(event = "note_added")
                    void noted(Context ctx, EventContext<Note> event) { }
                """), "@Handler method noted handles an event of Note, which @Agent(match) cannot relate to the agent;"
                + " add match = @Match(entity = \"roomId\", context = \"roomId\")", "@Handler(event = \"note_added\")");
    }

    @Test
    void handlerWhoseEntityIsUnknown() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_ENTITY_UNKNOWN, agent(AGENT, """
                    @Handler(event = "room_cleaned")
                    void cleaned(Context ctx) { }
                """), "no entity in this compilation declares 'room_cleaned', so the entity of @Handler method cleaned"
                + " is unknown; take its event as a parameter", "@Handler(event = \"room_cleaned\")");
    }

    @Test
    void handlerBeforeTheSpawningEvent() {
        assertSingleErrorOnLine(Message.AGENT_HANDLER_BEFORE_SPAWN, agent(AGENT, """
                    @Handler(event = "room_created",
                             offset = "-PT1H")
                    void prepare(Context ctx, EventContext<Room> event) { }
                """), "@Handler method prepare runs before room_created, the event that spawns the agent",
                "offset = \"-PT1H\"");
    }

    @Test
    void whenNamingNoMethod() {
        assertSingleErrorOnLine(Message.AGENT_WHEN_MISSING, agent(AGENT, """
                    boolean isDirty(Context ctx) { return true; }
                    @Handler(event = "room_cleaned",
                             when = "isDirt")
                    void cleaned(Context ctx, EventContext<Room> event) { }
                """), "Housekeeper has no method isDirt for the 'when' of @Handler method cleaned; did you mean"
                + " isDirty?", "when = \"isDirt\"");
    }

    @Test
    void whenTakingWhatTheHandlerDoesNot() {
        assertSingleErrorOnLine(Message.AGENT_WHEN_SIGNATURE, agent(AGENT, """
                    boolean isDirty(Context ctx, AgentMemory memory) { return true; }
                    @Handler(event = "room_cleaned",
                             when = "isDirty")
                    void cleaned(Context ctx, EventContext<Room> event, AgentMemory memory) { }
                """), "the 'when' method isDirty of @Handler method cleaned must not be private, must return boolean",
                "when = \"isDirty\"");
    }

    // @Heartbeat

    @Test
    void heartbeatOutsideAnAgent() {
        assertSingleErrorOnLine(Message.HEARTBEAT_OUTSIDE_AGENT, source("Housekeeper", """
                public class Housekeeper {
                    @Heartbeat void act() { }
                }
                """), "@Heartbeat method act is in Housekeeper, which is not an @Agent", "@Heartbeat");
    }

    @Test
    void heartbeatIntervalWithoutMethod() {
        assertSingleErrorOnLine(Message.HEARTBEAT_METHOD_MISSING, agent("""
                @Agent(name = "housekeeper", spawnOn = "room_created", heartbeat = "PT2H",
                       match = @Match(entity = "id", context = "roomId"))""", """
                    @Handler(event = "room_cleaned") void cleaned(Context ctx, EventContext<Room> event) { }
                """), "the agent Housekeeper has heartbeat = \"PT2H\" but no @Heartbeat method", "heartbeat = \"PT2H\"");
    }

    @Test
    void heartbeatMethodWithoutInterval() {
        assertSingleErrorOnLine(Message.HEARTBEAT_INTERVAL_MISSING, agent(AGENT, """
                    @Heartbeat
                    AgentDecision act(Context ctx, AgentMemory memory) { return null; }
                """), "@Heartbeat method act runs every @Agent(heartbeat), which Housekeeper does not set", "@Heartbeat");
    }

    @Test
    void twoHeartbeats() {
        assertSingleErrorOnLine(Message.HEARTBEAT_TWICE, agent("""
                @Agent(name = "housekeeper", spawnOn = "room_created", heartbeat = "PT2H",
                       match = @Match(entity = "id", context = "roomId"))""", """
                    @Heartbeat void act(Context ctx) { }
                    @Heartbeat void actAgain(Context ctx) { }
                """), "the agent Housekeeper already has a @Heartbeat method, act", "void actAgain(");
    }

    @Test
    void heartbeatWithTheWrongSignature() {
        assertSingleErrorOnLine(Message.HEARTBEAT_SIGNATURE, agent("""
                @Agent(name = "housekeeper", spawnOn = "room_created", heartbeat = "PT2H",
                       match = @Match(entity = "id", context = "roomId"))""", """
                    @Heartbeat
                    String act(Context ctx, AgentMemory memory) { return ""; }
                """), "a @Heartbeat method is not private, returns AgentDecision or void", "String act(");
    }
}
