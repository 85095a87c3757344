package dev.aifirst.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.aifirst.codegen.Compilations.compile;
import static dev.aifirst.codegen.Compilations.generated;
import static dev.aifirst.codegen.Compilations.source;
import static dev.aifirst.codegen.Compilations.testSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.aifirst.processor.AiFirstProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The {@code RetryPolicy} generated for a {@code @Retry} that names classes of exceptions: the
 * constructor written today, then a wither per list; and a policy naming a class that is generated
 * in a later round.
 */
class GeneratedRetryPolicyTest {

    private static final JavaFileObject BOOKING = testSource("dev/aifirst/events/fixtures/Booking.java");

    private static final JavaFileObject LOCK_SETUP = source("dev.aifirst.workflows.fixtures.LockSetup", """
            package dev.aifirst.workflows.fixtures;

            import dev.aifirst.Flow;
            import dev.aifirst.annotations.*;
            import java.io.IOException;

            @Workflow(name = "lock_setup", retry = @Retry(nonRetryable = IllegalArgumentException.class))
            public class LockSetup {
                public static class Context { public long bookingId; }

                @Step(start = true) Flow generateCode(Context ctx) { return Flow.goTo(LockSetupSteps.SEND_TO_LOCK); }

                @Step(retry = @Retry(maxAttempts = 5, backoff = "PT1S", maxBackoff = "PT5M",
                                     nonRetryable = {IllegalArgumentException.class, IllegalStateException.class},
                                     retryOn = IOException.class))
                Flow sendToLock(Context ctx) { return Flow.goTo(LockSetupSteps.GREET); }

                @Step Flow greet(Context ctx) { return Flow.complete(); }
            }
            """);

    private static final JavaFileObject LOCK_HANDLERS = source("dev.aifirst.events.fixtures.LockHandlers", """
            package dev.aifirst.events.fixtures;

            import dev.aifirst.annotations.*;
            import dev.aifirst.events.EventContext;

            public class LockHandlers {
                @OnEvent(value = BookingEvents.BOOKING_CONFIRMED,
                         retry = @Retry(nonRetryable = IllegalArgumentException.class,
                                        retryOn = java.io.UncheckedIOException.class))
                void programLock(EventContext<Booking> event) { }

                @OnEvent(BookingEvents.BOOKING_DELETED)
                void forgetLock(EventContext<Booking> event) { }
            }
            """);

    @Test
    void aStepsPolicyNamesItsClassesWithWithers() {
        Compilation compilation = compile(BOOKING, LOCK_SETUP);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "dev.aifirst.workflows.fixtures.LockSetupWorkflow")).contains("""
                    private static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofHours(1))
                            .notRetryingOn(IllegalArgumentException.class);

                    private static final RetryPolicy SEND_TO_LOCK_RETRY = new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5))
                            .notRetryingOn(IllegalArgumentException.class, IllegalStateException.class)
                            .retryingOnlyOn(IOException.class);

                    private static final List<StepDeclaration> STEPS = List.of(
                            StepDeclaration.of(LockSetupSteps.GENERATE_CODE, DEFAULT_RETRY, ""),
                            StepDeclaration.of(LockSetupSteps.SEND_TO_LOCK, SEND_TO_LOCK_RETRY, ""),
                            StepDeclaration.of(LockSetupSteps.GREET, DEFAULT_RETRY, ""));
                """);
    }

    @Test
    void aHandlersPolicyNamesItsClassesWithWithers() {
        Compilation compilation = compile(BOOKING, LOCK_HANDLERS);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "dev.aifirst.events.fixtures.LockHandlersEventHandlers")).contains("""
                    private static final List<HandlerDeclaration> HANDLERS = List.of(
                            HandlerDeclaration.of(PREFIX + "forgetLock", Booking.class, "booking_deleted", Duration.ZERO,
                                    DEFAULT_RETRY),
                            HandlerDeclaration.of(PREFIX + "programLock", Booking.class, "booking_confirmed", Duration.ZERO,
                                    new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofHours(1))
                                        .notRetryingOn(IllegalArgumentException.class)
                                        .retryingOnlyOn(UncheckedIOException.class)));
                """);
    }

    /**
     * An exception class that another processor generates is an error type in the first round; the
     * classes naming it wait for the next round instead of losing it from their policies.
     */
    @Test
    void aClassGeneratedInALaterRoundIsWaitedFor() {
        JavaFileObject handlers = source("dev.aifirst.events.fixtures.GateHandlers", """
                package dev.aifirst.events.fixtures;

                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;

                public class GateHandlers {
                    @OnEvent(value = "booking_confirmed", retry = @Retry(nonRetryable = LockOffline.class))
                    void openGate(EventContext<Booking> event) { }
                }
                """);
        JavaFileObject workflow = source("dev.aifirst.workflows.fixtures.GateSetup", """
                package dev.aifirst.workflows.fixtures;

                import dev.aifirst.Flow;
                import dev.aifirst.annotations.*;
                import dev.aifirst.events.fixtures.LockOffline;

                @Workflow(name = "gate_setup")
                public class GateSetup {
                    public static class Context { public long bookingId; }

                    @Step(start = true, retry = @Retry(retryOn = LockOffline.class))
                    Flow open(Context ctx) { return Flow.complete(); }
                }
                """);
        RoundOneSources lockOffline = new RoundOneSources(Map.of("dev.aifirst.events.fixtures.LockOffline",
                "package dev.aifirst.events.fixtures;\npublic class LockOffline extends RuntimeException { }\n"));
        Compilation compilation = javac().withProcessors(new AiFirstProcessor(), lockOffline)
                .compile(BOOKING, handlers, workflow);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "dev.aifirst.events.fixtures.GateHandlersEventHandlers"))
                .contains(".notRetryingOn(LockOffline.class)));");
        assertThat(generated(compilation, "dev.aifirst.workflows.fixtures.GateSetupWorkflow"))
                .contains(".retryingOnlyOn(LockOffline.class);");
    }
}
