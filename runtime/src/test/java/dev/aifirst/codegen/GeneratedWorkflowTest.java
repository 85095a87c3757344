package dev.aifirst.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.aifirst.codegen.Compilations.compile;
import static dev.aifirst.codegen.Compilations.generated;
import static dev.aifirst.codegen.Compilations.golden;
import static dev.aifirst.codegen.Compilations.resource;
import static dev.aifirst.codegen.Compilations.source;
import static dev.aifirst.codegen.Compilations.testSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.aifirst.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The code generated for the {@code DoorCode} workflow, text for text against
 * {@code src/test/resources/golden}, and the checks that need a whole compilation.
 */
class GeneratedWorkflowTest {

    private static final JavaFileObject BOOKING = testSource("dev/aifirst/events/fixtures/Booking.java");

    @Test
    void stepsEnumAndStateMachine() {
        Compilation compilation = compile(BOOKING, testSource("dev/aifirst/workflows/fixtures/DoorCode.java"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "dev.aifirst.workflows.fixtures.DoorCodeSteps"))
                .isEqualTo(golden("DoorCodeSteps.java"));
        assertThat(generated(compilation, "dev.aifirst.workflows.fixtures.DoorCodeWorkflow"))
                .isEqualTo(golden("DoorCodeWorkflow.java"));
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.WorkflowDefinition"))
                .isEqualTo("dev.aifirst.workflows.fixtures.DoorCodeWorkflow\n");
    }

    @Test
    void aWorkflowOfOneNamespaceReturnsItAsItsTriggerNamespace() {
        Compilation compilation = compile(testSource("dev/aifirst/events/fixtures/Ticket.java"),
                testSource("dev/aifirst/workflows/fixtures/SupportFollowUp.java"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "dev.aifirst.workflows.fixtures.SupportFollowUpWorkflow")).contains("""
                    @Override
                    public String triggerEvent() {
                        return "ticket_opened";
                    }

                    @Override
                    public Class<?> triggerEntityType() {
                        return Ticket.class;
                    }

                    @Override
                    public String triggerNamespace() {
                        return "team-support";
                    }
                """);
    }

    private static JavaFileObject workflow(String annotation, String body) {
        return source("dev.aifirst.workflows.fixtures.Arrival", """
                package dev.aifirst.workflows.fixtures;

                import static dev.aifirst.Flow.*;

                import dev.aifirst.Flow;
                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;
                import dev.aifirst.events.fixtures.Booking;

                %s
                public class Arrival {
                    public static class Context { public long bookingId; }

                    static Context createContext(EventContext<Booking> event) { return new Context(); }
                %s
                }
                """.formatted(annotation, body));
    }

    @Test
    void aStepNoPathLeadsToIsAWarning() {
        JavaFileObject source = workflow("@Workflow(name = \"arrival\", on = \"checkin_due\")", """
                    @Step(start = true) Flow welcome(Context ctx) { return goTo(ArrivalSteps.GREET); }
                    @Step Flow greet(Context ctx) { return complete(); }
                    @Step Flow forgotten(Context ctx) { return goTo(ArrivalSteps.GREET); }
                """);
        Compilation compilation = compile(BOOKING, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining(Message.STEP_UNREACHABLE.tag()
                + " step forgotten of Arrival is unreachable: no step goes to it from"
                + " the start step welcome").inFile(source).onLineContaining("Flow forgotten(");
    }

    @Test
    void anEventTheEntityDoesNotDeclareIsAnError() {
        JavaFileObject source = workflow("@Workflow(name = \"arrival\", on = \"checkin_dew\")", """
                    @Step(start = true) Flow welcome(Context ctx) { return complete(); }
                """);
        Compilation compilation = compile(BOOKING, source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.EVENT_NOT_DECLARED.tag()
                + " Booking declares no event 'checkin_dew'; its events are:")
                .inFile(source).onLineContaining("on = \"checkin_dew\"");
    }

    @Test
    void anEventNoEntityOfTheCompilationDeclaresIsAWarning() {
        JavaFileObject source = workflow("@Workflow(name = \"arrival\", on = \"guest_arrived\")", """
                    @Step(start = true) Flow welcome(Context ctx) { return complete(); }
                """);
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.EVENT_UNKNOWN_TO_WORKFLOW.tag()
                + " no entity in this compilation declares the event 'guest_arrived'")
                .inFile(source).onLineContaining("on = \"guest_arrived\"");
    }

    @Test
    void aWaitForATemplatedEventsRenderingIsKnown() {
        JavaFileObject source = workflow("@Workflow(name = \"arrival\", on = \"checkin_due\")", """
                    @Step(start = true)
                    @WaitForEvent(value = "stage_done:keys", timeout = "PT1H", onTimeout = "welcome")
                    Flow welcome(Context ctx, EventContext<Booking> keys) { return complete(); }
                """);
        assertThat(compile(BOOKING, source)).succeededWithoutWarnings();
    }

    /** A manual workflow {@code Cleaning}, compiled with {@code Checkout}, so that its enum is generated beside. */
    private static final JavaFileObject CLEANING = source("dev.aifirst.workflows.fixtures.Cleaning", """
            package dev.aifirst.workflows.fixtures;

            import dev.aifirst.Flow;
            import dev.aifirst.annotations.*;

            @Workflow(name = "cleaning")
            public class Cleaning {
                public static class Context { public long roomId; }

                @Step(start = true) Flow scrub(Context ctx) { return Flow.goTo(CleaningSteps.INSPECT); }
                @Step Flow inspect(Context ctx) { return Flow.complete(); }
            }
            """);

    private static JavaFileObject checkout(String imports, String body) {
        return source("dev.aifirst.workflows.fixtures.Checkout", """
                package dev.aifirst.workflows.fixtures;

                import static dev.aifirst.Flow.*;
                %s
                import dev.aifirst.Flow;
                import dev.aifirst.annotations.*;
                import dev.aifirst.workflows.SignalPayload;
                import dev.aifirst.workflows.SubflowResult;
                import java.time.Duration;

                @Workflow(name = "checkout")
                public class Checkout {
                    public static class Context { public long roomId; }
                %s
                }
                """.formatted(imports, body));
    }

    @Test
    void aStepThatGoesToItsOwnWorkflowsStepsCompiles() {
        JavaFileObject checkout = checkout("import static dev.aifirst.workflows.fixtures.CheckoutSteps.AFTER_CLEANING;", """
                    @Step(start = true) Flow sendToLock(Context ctx) { return goTo(CheckoutSteps.AWAIT_KEYS, 0.5); }
                    @Step Flow awaitKeys(Context ctx) {
                        return waitForSignal("keys_returned", Duration.ofHours(2), CheckoutSteps.CLEAN);
                    }
                    @Step Flow clean(Context ctx, SignalPayload keys) {
                        Cleaning.Context room = new Cleaning.Context();
                        return Flow.runSubflow(Cleaning.class, () -> room, AFTER_CLEANING);
                    }
                    @Step Flow afterCleaning(Context ctx, SubflowResult cleaned) { return complete(); }
                """);
        Compilation compilation = compile(CLEANING, checkout);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFile("dev.aifirst.workflows.fixtures.CheckoutWorkflow")).isPresent();
    }

    @Test
    void aStepThatGoesToAStepOfAWorkflowOfTheSameCompilationIsAnError() {
        // CleaningSteps is generated in the round that reads Checkout, so the names are read from the source.
        JavaFileObject checkout = checkout("import static dev.aifirst.workflows.fixtures.CleaningSteps.*;", """
                    @Step(start = true) Flow sendToLock(Context ctx) { return goTo(CleaningSteps.SCRUB); }
                    @Step Flow afterCleaning(Context ctx) {
                        return ctx.roomId == 0 ? goTo(CheckoutSteps.SEND_TO_LOCK) : Flow.goTo(INSPECT);
                    }
                """);
        Compilation compilation = compile(CLEANING, checkout);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(Message.STEP_OF_ANOTHER_WORKFLOW.tag() + " step afterCleaning of"
                + " Checkout goes to CleaningSteps.INSPECT").inFile(checkout).onLineContaining("Flow.goTo(INSPECT)");
        assertThat(compilation).hadErrorContaining(Message.STEP_OF_ANOTHER_WORKFLOW.tag() + " step sendToLock of"
                + " Checkout goes to CleaningSteps.SCRUB, a step of another workflow, in goTo(...); a step may only go"
                + " to its own workflow's steps (CheckoutSteps.SEND_TO_LOCK, CheckoutSteps.AFTER_CLEANING); to run"
                + " another workflow, return runSubflow(Cleaning.class, ..., CheckoutSteps.AFTER_CLEANING)")
                .inFile(checkout).onLineContaining("goTo(CleaningSteps.SCRUB)");
    }
}
