package dev.aifirst.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.aifirst.processor.Sources.assertSingleErrorOnLine;
import static dev.aifirst.processor.Sources.compile;
import static dev.aifirst.processor.Sources.source;

import com.google.testing.compile.Compilation;
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
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\")", """
                    @Step Flow greet(Context ctx) { return Flow.complete(); }
                """), "the workflow Checkin has no start step: mark the step its runs begin with @Step(start = true)",
                "@Workflow(name = \"checkin\")");
    }

    @Test
    void twoStartSteps() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                    @Step(start = true) Flow welcome(Context ctx) { return Flow.complete(); }
                """), "the workflow Checkin already starts with greet; only one step may have start = true",
                "Flow welcome(");
    }

    @Test
    void stepWithAWrongReturnType() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) void greet(Context ctx) { }
                """), "@Step method greet returns void; a step takes the workflow's Context", "void greet(");
    }

    @Test
    void stepWithoutTheContext() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true) Flow greet(String guest) { return Flow.complete(); }
                """), "the first parameter of @Step method greet must be Checkin.Context, not java.lang.String",
                "Flow greet(");
    }

    @Test
    void stepWithAParameterItCannotBeGiven() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\")", """
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
        assertThat(compilation).hadErrorContaining("'-1 hour' is not an ISO-8601 duration for offset")
                .inFile(source).onLineContaining("offset = \"-1 hour\"");
        assertThat(compilation).hadErrorContaining("'2 seconds' is not an ISO-8601 duration for backoff")
                .inFile(source).onLineContaining("backoff = \"2 seconds\"");
    }

    @Test
    void onTimeoutNamingNoStep() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\", on = \"checkin_due\")", """
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
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\", on = \"checkin_due\")", """
                    static Context createContext(EventContext<Object> event) { return new Context(); }
                    @Step(start = true)
                    @WaitForEvent(value = "guest_arrived", timeout = "PT2H")
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "a @WaitForEvent with a timeout needs onTimeout", "timeout = \"PT2H\"");
    }

    @Test
    void aManualRunWaitingForAnEventMustSayWhichIsItsOwn() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\")", """
                    @Step(start = true)
                    @WaitForEvent("guest_arrived")
                    Flow greet(Context ctx) { return Flow.complete(); }
                """), "a run started by hand has no entity of its own, so @WaitForEvent must say which event is the"
                + " run's", "@WaitForEvent(\"guest_arrived\")");
    }

    @Test
    void matchNamingNoContextProperty() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\")", """
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
        assertSingleErrorOnLine(source, "Jackson cannot construct Checkin.Context, which stores each run's state: it has"
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
        assertThat(compilation).hadErrorContaining("the workflow Checkin needs a nested class Context").inFile(source)
                .onLineContaining("@Workflow(name = \"checkin\")");
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
        assertThat(compilation).hadErrorContaining("two workflows are named 'checkin': test.Checkin and test.Arrival;"
                + " runs are stored under the name, so each workflow needs its own")
                .inFile(second).onLineContaining("@Workflow(name = \"checkin\")");
    }

    @Test
    void eventWorkflowWithoutCreateContext() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\", on = \"checkin_due\")", """
                    @Step(start = true) Flow greet(Context ctx) { return Flow.complete(); }
                """), "a workflow that starts on an event creates its context from it: declare static Context"
                + " createContext(EventContext<Entity> event) in Checkin", "on = \"checkin_due\"");
    }

    @Test
    void onFailWithAWrongSignature() {
        assertSingleErrorOnLine(workflow("@Workflow(name = \"checkin\")", """
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
        assertSingleErrorOnLine(source, "@Step method greet is in Helper, which is not a @Workflow", "@Step Flow greet(");
    }
}
