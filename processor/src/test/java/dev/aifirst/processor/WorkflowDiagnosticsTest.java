package dev.aifirst.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.aifirst.processor.Sources.assertErrorOnLine;
import static dev.aifirst.processor.Sources.assertSingleErrorOnLine;
import static dev.aifirst.processor.Sources.compile;
import static dev.aifirst.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.aifirst.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each rule the processor checks on {@code @Workflow} classes, reported on the element or annotation
 * member at fault. (Checks that need generated code to compile, such as unknown events and
 * unreachable steps, are in the runtime module's {@code WorkflowCodegenTest}.)
 */
class WorkflowDiagnosticsTest {

    private static JavaFileObject workflow(String annotation, String body) {
        return source("Checkin", """
                import dev.aifirst.Flow;
                import dev.aifirst.workflows.*;

                %s
                public class Checkin {
                    public static class Context { public long reservationId; public String code = ""; }
                %s
                }
                """.formatted(annotation, body));
    }


    @Test
    void noStartStep() {
        assertSingleErrorOnLine(Message.NO_START_STEP, workflow("@Workflow(name = \"checkin\")", """
                    @Step Flow greet(Context ctx) { return Flow.complete(); }
                """), "the workflow Checkin has no start step: mark the step its runs begin with @Step(start = true)",
                "@Workflow(name = \"checkin\")");
    }

    @Test
    void twoStartSteps() {
        assertSingleErrorOnLine(Message.TWO_START_STEPS, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                    @Step(start = true) Flow welcome(Context ctx) { return Flow.complete(); }
                """), "the workflow Checkin already starts with greet; only one step may have start = true",
                "Flow welcome(");
    }

    @Test
    void stepWithAWrongReturnType() {
        assertSingleErrorOnLine(Message.STEP_RETURNS, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) void greet(Context ctx) { }
                """), "@Step method greet returns void; a step takes the workflow's Context", "void greet(");
    }

    @Test
    void stepWithoutTheContext() {
        assertSingleErrorOnLine(Message.STEP_FIRST_PARAMETER, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(String guest) { return Flow.complete(); }
                """), "the first parameter of @Step method greet must be Checkin.Context, not java.lang.String",
                "Flow greet(");
    }

    @Test
    void stepWithAParameterItCannotBeGiven() {
        assertSingleErrorOnLine(Message.STEP_PARAMETER_UNSUPPORTED, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx, java.time.Clock clock) { return Flow.complete(); }
                """), "@Step method greet cannot be given a java.time.Clock", "Flow greet(");
    }

    @Test
    void unparsableDurations() {
        JavaFileObject source = workflow("""
                @Workflow(name = "checkin", on = "checkin_due",
                          offset = "-1 hour",
                          retry = @Retry(backoff = "2 seconds"))""", """
                    static Context createContext(EventContext<Object> event) { return new Context(); }
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """);
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorCount(2);
        assertErrorOnLine(compilation, Message.DURATION_UNPARSABLE, "'-1 hour' is not an ISO-8601 duration for offset",
                source, "offset = \"-1 hour\"");
        assertErrorOnLine(compilation, Message.DURATION_UNPARSABLE, "'2 seconds' is not an ISO-8601 duration for backoff",
                source, "backoff = \"2 seconds\"");
    }

    @Test
    void stepRetryNamingAClassInBothLists() {
        assertSingleErrorOnLine(Message.RETRY_CLASS_IN_BOTH_LISTS, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true, retry = @Retry(nonRetryable = IllegalArgumentException.class,
                                                       retryOn = {java.io.IOException.class, IllegalArgumentException.class}))
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "@Retry names java.lang.IllegalArgumentException both in nonRetryable and in retryOn",
                "retryOn = {java.io.IOException.class");
    }

    @Test
    void workflowRetryNamingAClassInBothLists() {
        assertSingleErrorOnLine(Message.RETRY_CLASS_IN_BOTH_LISTS, workflow("""
                @Workflow(name = "checkin",
                          retry = @Retry(nonRetryable = java.io.IOException.class,
                                         retryOn = java.io.IOException.class))""", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "@Retry names java.io.IOException both in nonRetryable and in retryOn",
                "retryOn = java.io.IOException.class");
    }

    @Test
    void inheritingStepRetryNamingClasses() {
        assertSingleErrorOnLine(Message.RETRY_CLASSES_INHERITED, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true, retry = @Retry(maxAttempts = Retry.INHERIT,
                                                       retryOn = java.io.IOException.class))
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "a step whose @Retry inherits the workflow's policy (maxAttempts = Retry.INHERIT) takes the"
                        + " workflow's classes too, so it cannot name retryOn of its own; give the step a maxAttempts"
                        + " of its own, or name the classes in the workflow's @Retry",
                "retryOn = java.io.IOException.class");
    }

    @Test
    void onTimeoutNamingNoStep() {
        assertSingleErrorOnLine(Message.ON_TIMEOUT_UNKNOWN_STEP, workflow("@Workflow(name = \"checkin\", on = \"checkin_due\")", """
                    static Context createContext(EventContext<Object> event) { return new Context(); }
                    @Step(start = true)
                    @WaitForEvent(value = "guest_arrived", timeout = "PT2H", onTimeout = "remindd")
                    Flow greet(Context ctx) { return Flow.complete(); }
                    @Step Flow remind(Context ctx) { return Flow.complete(); }
                """), "onTimeout names no step of Checkin: 'remindd'; its steps are greet, remind",
                "onTimeout = \"remindd\"");
    }

    @Test
    void timeoutWithoutOnTimeout() {
        assertSingleErrorOnLine(Message.TIMEOUT_WITHOUT_ON_TIMEOUT, workflow("@Workflow(name = \"checkin\", on = \"checkin_due\")", """
                    static Context createContext(EventContext<Object> event) { return new Context(); }
                    @Step(start = true)
                    @WaitForEvent(value = "guest_arrived", timeout = "PT2H")
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "a @WaitForEvent with a timeout needs onTimeout", "timeout = \"PT2H\"");
    }

    @Test
    void aManualRunWaitingForAnEventMustSayWhichIsItsOwn() {
        assertSingleErrorOnLine(Message.MATCH_MISSING_FOR_MANUAL_RUN, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true)
                    @WaitForEvent("guest_arrived")
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "a run started by hand has no entity of its own, so @WaitForEvent must say which event is the"
                + " run's", "@WaitForEvent(\"guest_arrived\")");
    }

    @Test
    void matchNamingNoContextProperty() {
        assertSingleErrorOnLine(Message.MATCH_CONTEXT_PROPERTY_MISSING, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true)
                    @WaitForEvent(value = "guest_arrived", match = @Match(entity = "id", context = "bookingId"))
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "Checkin.Context has no property 'bookingId' for @Match(context)", "match = @Match(");
    }

    @Test
    void contextThatJacksonCannotConstruct() {
        JavaFileObject source = source("Checkin", """
                import dev.aifirst.Flow;

                @Workflow(name = "checkin")
                public class Checkin {
                    public static class Context {
                        public final long reservationId;
                        public Context(long reservationId) { this.reservationId = reservationId; }
                    }
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                }
                """);
        assertSingleErrorOnLine(Message.CONTEXT_NOT_CONSTRUCTIBLE, source, "Jackson cannot construct Checkin.Context, which stores each run's state: it has"
                + " no no-argument constructor and no @JsonCreator constructor", "public static class Context {");
    }

    @Test
    void missingContext() {
        JavaFileObject source = source("Checkin", """
                import dev.aifirst.Flow;

                @Workflow(name = "checkin")
                public class Checkin {
                    @Step(start = true) Flow greet(Object ctx) { return Flow.complete(); }
                }
                """);
        Compilation compilation = compile(source);
        assertErrorOnLine(compilation, Message.CONTEXT_MISSING, "the workflow Checkin needs a nested class Context",
                source, "@Workflow(name = \"checkin\")");
    }

    @Test
    void twoWorkflowsWithOneName() {
        JavaFileObject first = workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """);
        JavaFileObject second = source("Arrival", """
                import dev.aifirst.Flow;

                @Workflow(name = "checkin")
                public class Arrival {
                    public record Context(long reservationId) { }
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                }
                """);
        Compilation compilation = compile(first, second);
        assertErrorOnLine(compilation, Message.DUPLICATE_WORKFLOW_NAME, "two workflows are named 'checkin':"
                + " test.Checkin and test.Arrival; runs are stored under the name, so each workflow needs its own",
                second, "@Workflow(name = \"checkin\")");
    }

    @Test
    void eventWorkflowWithoutCreateContext() {
        assertSingleErrorOnLine(Message.CREATE_CONTEXT_MISSING, workflow("@Workflow(name = \"checkin\", on = \"checkin_due\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "a workflow that starts on an event creates its context from it: declare static Context"
                + " createContext(EventContext<Entity> event) in Checkin", "on = \"checkin_due\"");
    }

    @Test
    void onFailWithAWrongSignature() {
        assertSingleErrorOnLine(Message.ON_FAIL_SIGNATURE, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                    @OnFail void cleanUp(Context ctx) { }
                """), "an @OnFail method is an instance method, not private, that returns void and takes the Context"
                + " and a WorkflowFailure", "void cleanUp(");
    }

    @Test
    void stepOutsideAWorkflow() {
        JavaFileObject source = source("Helper", """
                import dev.aifirst.Flow;

                public class Helper {
                    @Step Flow greet(Object ctx) { return Flow.complete(); }
                }
                """);
        assertSingleErrorOnLine(Message.STEP_OUTSIDE_WORKFLOW, source, "@Step method greet is in Helper, which is not a @Workflow", "@Step Flow greet(");
    }

    @Test
    void abstractWorkflow() {
        JavaFileObject source = source("Checkin", """
                import dev.aifirst.Flow;

                @Workflow(name = "checkin")
                public abstract class Checkin {
                    public static class Context { }
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                }
                """);
        assertSingleErrorOnLine(Message.WORKFLOW_NOT_CONCRETE, source,
                "@Workflow belongs on a concrete class with @Step methods", "@Workflow(name = \"checkin\")");
    }

    @Test
    void privateNestedWorkflow() {
        JavaFileObject source = source("Outer", """
                import dev.aifirst.Flow;

                public class Outer {
                    @Workflow(name = "checkin")
                    private static class Checkin {
                        public static class Context { }
                        @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                    }
                }
                """);
        assertSingleErrorOnLine(Message.WORKFLOW_NOT_REACHABLE, source,
                "the workflow Checkin must be a top-level or static nested class that is not private",
                "@Workflow(name = \"checkin\")");
    }

    @Test
    void nameWithWhitespace() {
        assertSingleErrorOnLine(Message.WORKFLOW_NAME_INVALID, workflow("@Workflow(name = \"check in\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "a workflow needs a name without whitespace", "name = \"check in\"");
    }

    @Test
    void versionBelowOne() {
        assertSingleErrorOnLine(Message.WORKFLOW_VERSION, workflow("@Workflow(name = \"checkin\", version = 0)", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "version must be at least 1, was 0", "version = 0");
    }

    @Test
    void offsetWithoutOn() {
        assertSingleErrorOnLine(Message.OFFSET_WITHOUT_ON, workflow("@Workflow(name = \"checkin\", offset = \"PT1H\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "offset applies to workflows that start on an event; set 'on'", "offset = \"PT1H\"");
    }

    @Test
    void debounceWithoutOn() {
        assertSingleErrorOnLine(Message.DEBOUNCE_WITHOUT_ON,
                workflow("@Workflow(name = \"checkin\", debounce = \"PT1M\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "debounce groups the events that start runs; it needs 'on'", "debounce = \"PT1M\"");
    }

    @Test
    void namespaceWithoutOn() {
        assertSingleErrorOnLine(Message.NAMESPACE_WITHOUT_ON,
                workflow("@Workflow(name = \"checkin\", namespace = \"tenant-a\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "namespace selects the occurrences of the event that starts runs; it needs 'on'",
                "namespace = \"tenant-a\"");
    }

    @Test
    void aTemplateAsTheNamespaceOfAWorkflow() {
        assertSingleErrorOnLine(Message.SUBSCRIBER_NAMESPACE_MALFORMED,
                workflow("@Workflow(name = \"checkin\", on = \"checkin_due\", namespace = \"{tenant}\")", """
                    static Context createContext(EventContext<Object> event) { return new Context(); }
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "namespace '{tenant}' has a placeholder, but is compared with the namespace each occurrence"
                        + " renders; name one namespace as the event renders it, e.g. \"tenant-a\", or \"*\" for every"
                        + " namespace",
                "namespace = \"{tenant}\"");
    }

    @Test
    void createContextWithAWrongSignature() {
        assertSingleErrorOnLine(Message.CREATE_CONTEXT_SIGNATURE, workflow("@Workflow(name = \"checkin\", on = \"checkin_due\")", """
                    Context createContext(EventContext<Object> event) { return new Context(); }
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "createContext must be static, not private, take one EventContext<Entity> and return Context",
                "Context createContext(");
    }

    @Test
    void workflowWithoutSteps() {
        assertSingleErrorOnLine(Message.WORKFLOW_WITHOUT_STEPS, workflow("@Workflow(name = \"checkin\")", ""),
                "the workflow Checkin has no @Step method", "@Workflow(name = \"checkin\")");
    }

    @Test
    void twoStepsWithOneName() {
        assertSingleErrorOnLine(Message.STEP_DUPLICATE_NAME, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                    @Step Flow greet(Context ctx, StepContext step) { return Flow.complete(); }
                """), "two @Step methods of Checkin are named greet; a step is identified by its method name",
                "Flow greet(Context ctx, StepContext step)");
    }

    @Test
    void privateStep() {
        assertSingleErrorOnLine(Message.STEP_PRIVATE, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) private Flow greet(Context ctx) { return Flow.complete(); }
                """), "@Step method greet is private; make it package-private or public", "private Flow greet(");
    }

    @Test
    void stepWithoutParameters() {
        assertSingleErrorOnLine(Message.STEP_WITHOUT_CONTEXT, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet() { return Flow.complete(); }
                """), "@Step method greet takes no Context; a step takes the workflow's Context", "Flow greet(");
    }

    @Test
    void stepWithTwoParametersOfOneKind() {
        assertSingleErrorOnLine(Message.STEP_PARAMETER_TWICE, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx, StepContext a, StepContext b) { return Flow.complete(); }
                """), "@Step method greet takes two parameters of type dev.aifirst.workflows.StepContext",
                "Flow greet(");
    }

    @Test
    void twoOnFailMethods() {
        JavaFileObject source = workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                    @OnFail void cleanUp(Context ctx, WorkflowFailure failure) { }
                    @OnFail void alert(Context ctx, WorkflowFailure failure) { }
                """);
        assertSingleErrorOnLine(Message.ON_FAIL_TWICE, source,
                "the workflow Checkin already has an @OnFail method, cleanUp; it may have one", "void alert(");
    }

    @Test
    void waitForEventWithoutStep() {
        assertSingleErrorOnLine(Message.WAIT_WITHOUT_STEP, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                    @WaitForEvent(value = "guest_arrived", match = @Match(entity = "id", context = "reservationId"))
                    Flow arrived(Context ctx) { return Flow.complete(); }
                """), "@WaitForEvent belongs on a @Step method; add @Step to arrived", "@WaitForEvent(");
    }

    @Test
    void waitForAnEmptyEventName() {
        assertSingleErrorOnLine(Message.WAIT_EVENT_MISSING, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true)
                    @WaitForEvent(value = "", match = @Match(entity = "id", context = "reservationId"))
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "@WaitForEvent needs an event name; use the generated constant", "@WaitForEvent(value = \"\"");
    }

    @Test
    void onTimeoutWithoutTimeout() {
        assertSingleErrorOnLine(Message.ON_TIMEOUT_WITHOUT_TIMEOUT,
                workflow("@Workflow(name = \"checkin\", on = \"checkin_due\")", """
                    static Context createContext(EventContext<Object> event) { return new Context(); }
                    @Step(start = true)
                    @WaitForEvent(value = "guest_arrived", onTimeout = "remind")
                    Flow greet(Context ctx) { return Flow.complete(); }
                    @Step Flow remind(Context ctx) { return Flow.complete(); }
                """), "onTimeout needs a timeout, e.g. timeout = \"PT2H\"", "onTimeout = \"remind\"");
    }

    @Test
    void matchNamingOneSide() {
        assertSingleErrorOnLine(Message.MATCH_ONE_SIDED, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true)
                    @WaitForEvent(value = "guest_arrived", match = @Match(entity = "id"))
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "@Match names both sides: the entity's property and the context's", "match = @Match(");
    }

    @Test
    void matchNamingNoEntityProperty() {
        JavaFileObject room = source("Room", """
                @Entity
                public class Room {
                    @Id Long id;
                }
                """);
        assertSingleErrorOnLine(Message.MATCH_ENTITY_PROPERTY_MISSING, workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true)
                    @WaitForEvent(value = "room_cleaned", match = @Match(entity = "number", context = "reservationId"))
                    Flow greet(Context ctx, EventContext<Room> cleaned) { return Flow.complete(); }
                """), "Room has no property 'number' for @Match(entity)", "match = @Match(", room);
    }
}
