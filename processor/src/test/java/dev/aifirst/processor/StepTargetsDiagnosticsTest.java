package dev.aifirst.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.aifirst.processor.Sources.assertSingleErrorOnLine;
import static dev.aifirst.processor.Sources.compile;
import static dev.aifirst.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.aifirst.processor.base.Message;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A step that goes to a step of another workflow ({@link Message#STEP_OF_ANOTHER_WORKFLOW}), reported on
 * the argument of the {@code Flow} call. Here the other workflow's enum is compiled already, as if it
 * came from another module; the runtime module's {@code GeneratedWorkflowTest} has both workflows in one
 * compilation, and the workflows that go to their own steps and compile.
 */
class StepTargetsDiagnosticsTest {

    /** {@code CleaningSteps} as generated for a workflow {@code Cleaning} of another module. */
    private static final JavaFileObject CLEANING_STEPS = source("CleaningSteps", """
            public enum CleaningSteps implements dev.aifirst.workflows.WorkflowStep {
                SCRUB, INSPECT;
                @Override public String stepName() { return name().toLowerCase(); }
            }
            """);
    private static final JavaFileObject CLEANING = source("Cleaning", "public class Cleaning { }\n");

    private static final String TEXT = "step sendToLock of Checkout goes to CleaningSteps.SCRUB, a step of another"
            + " workflow, in %s(...); a step may only go to its own workflow's steps (CheckoutSteps.SEND_TO_LOCK,"
            + " CheckoutSteps.AFTER_CLEANING); to run another workflow, return runSubflow(Cleaning.class, ...,"
            + " CheckoutSteps.AFTER_CLEANING)";

    private static JavaFileObject checkout(String imports, String sendToLock, String more) {
        return source("Checkout", """
                %s
                import dev.aifirst.Flow;

                @Workflow(name = "checkout")
                public class Checkout {
                    public static class Context { public long stayId; }

                    @Step(start = true)
                    Flow sendToLock(Context ctx) {
                        %s
                    }

                    @Step Flow afterCleaning(Context ctx) { return Flow.complete(); }
                %s
                }
                """.formatted(imports, sendToLock, more));
    }

    private static void assertStepOfAnotherWorkflow(JavaFileObject checkout, String call, String line) {
        assertSingleErrorOnLine(Message.STEP_OF_ANOTHER_WORKFLOW, checkout, TEXT.formatted(call), line,
                CLEANING_STEPS, CLEANING);
    }

    @Test
    void goToStaticallyImported() throws IOException {
        JavaFileObject checkout = checkout("import static dev.aifirst.Flow.*;",
                "return goTo(CleaningSteps.SCRUB);", "");
        assertStepOfAnotherWorkflow(checkout, "goTo", "return goTo(CleaningSteps.SCRUB);");
        // On the argument itself (javac places a qualified name at its last dot), not on the call or the method.
        String line = "return goTo(CleaningSteps.SCRUB);";
        List<String> lines = checkout.getCharContent(true).toString().lines().toList();
        int number = lines.stream().filter(l -> l.contains(line)).findFirst().map(lines::indexOf).orElseThrow() + 1;
        int column = lines.get(number - 1).indexOf("CleaningSteps.SCRUB") + "CleaningSteps".length() + 1;
        assertThat(compile(CLEANING_STEPS, CLEANING, checkout)).hadErrorContaining(Message.STEP_OF_ANOTHER_WORKFLOW.tag())
                .inFile(checkout).onLine(number).atColumn(column);
    }

    @Test
    void goToThroughFlow() {
        assertStepOfAnotherWorkflow(checkout("", "return Flow.goTo(CleaningSteps.SCRUB);", ""), "goTo",
                "return Flow.goTo(CleaningSteps.SCRUB);");
    }

    @Test
    void goToWithProgress() {
        assertStepOfAnotherWorkflow(checkout("import static dev.aifirst.Flow.goTo;",
                "return goTo(test.CleaningSteps.SCRUB, 0.5);", ""), "goTo", "return goTo(test.CleaningSteps.SCRUB, 0.5);");
    }

    @Test
    void goToAStaticallyImportedConstant() {
        assertStepOfAnotherWorkflow(checkout("import static test.CleaningSteps.SCRUB;",
                "return Flow.goTo(SCRUB);", ""), "goTo", "return Flow.goTo(SCRUB);");
    }

    @Test
    void waitForSignalTimingOutToAnotherWorkflow() {
        assertStepOfAnotherWorkflow(checkout("import static dev.aifirst.Flow.*;",
                "return waitForSignal(\"keys_returned\", Duration.ofHours(2), CleaningSteps.SCRUB);", ""),
                "waitForSignal", "CleaningSteps.SCRUB);");
    }

    @Test
    void runSubflowCompletingToAnotherWorkflow() {
        assertStepOfAnotherWorkflow(checkout("",
                "return Flow.runSubflow(Cleaning.class, () -> ctx, CleaningSteps.SCRUB);", ""),
                "runSubflow", "CleaningSteps.SCRUB);");
    }

    @Test
    void everyWrongStepIsReported() {
        JavaFileObject checkout = checkout("import static dev.aifirst.Flow.*;", """
                if (ctx.stayId == 0) {
                            return goTo(CleaningSteps.SCRUB);
                        }
                        return ctx.stayId > 0 ? Flow.goTo(CleaningSteps.INSPECT) : goTo(CheckoutSteps.AFTER_CLEANING);""",
                "");
        Compilation compilation = compile(CLEANING_STEPS, CLEANING, checkout);
        assertThat(compilation).hadErrorCount(2);
        Sources.assertErrorOnLine(compilation, Message.STEP_OF_ANOTHER_WORKFLOW, TEXT.formatted("goTo"), checkout,
                "return goTo(CleaningSteps.SCRUB);");
        Sources.assertErrorOnLine(compilation, Message.STEP_OF_ANOTHER_WORKFLOW,
                "step sendToLock of Checkout goes to CleaningSteps.INSPECT", checkout, "Flow.goTo(CleaningSteps.INSPECT)");
    }

    /**
     * Only {@code Flow}'s factories, in {@code @Step} methods, with a constant: the other calls here
     * compile; the one error is there to keep the workflow from being generated, which would need the
     * runtime.
     */
    @Test
    void otherCallsAreNotChecked() {
        JavaFileObject checkout = checkout("", """
                dev.aifirst.workflows.WorkflowStep next = CleaningSteps.SCRUB;
                        goTo(CleaningSteps.SCRUB);
                        return Flow.goTo(next);""", """
                    static Flow goTo(Object step) { return null; }
                    Flow helper() { return Flow.goTo(CleaningSteps.SCRUB); }
                    @Step Flow wrong(Context ctx) { return Flow.goTo(CleaningSteps.INSPECT, 1.0); }
                """);
        assertSingleErrorOnLine(Message.STEP_OF_ANOTHER_WORKFLOW, checkout,
                "step wrong of Checkout goes to CleaningSteps.INSPECT, a step of another workflow, in goTo(...)",
                "Flow wrong(", CLEANING_STEPS, CLEANING);
    }

    /**
     * Where the tree API is not there (another compiler than javac, or javac's environment behind a
     * wrapper, as here), the check is skipped: nothing reported, nothing failing.
     */
    @Test
    void withoutTheTreeApiTheCheckIsSkipped() {
        Processor processor = new AiFirstProcessor();
        Processor wrapped = (Processor) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Processor.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("init")) {
                        ProcessingEnvironment env = (ProcessingEnvironment) arguments[0];
                        arguments = new Object[] {Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ProcessingEnvironment.class}, (p, m, a) -> m.invoke(env, a))};
                    }
                    return method.invoke(processor, arguments);
                });
        JavaFileObject checkout = checkout("", "return Flow.goTo(CleaningSteps.SCRUB);", "");
        List<JavaFileObject> sources = new ArrayList<>(List.of(CLEANING_STEPS, CLEANING, checkout, Sources.EVENT_CONTEXT));
        sources.addAll(Sources.WORKFLOW_TYPES);
        Compilation compilation = javac().withProcessors(wrapped).compile(sources);
        // The workflow is generated, and fails to compile only for want of the runtime in this module.
        assertThat(compilation.errors().stream().map(e -> e.getMessage(null)).filter(text -> text.contains("[AIF-"))
                .toList()).isEmpty();
        assertThat(compilation.errors().stream().map(e -> e.getSource().getName()).distinct().toList())
                .containsExactly("/SOURCE_OUTPUT/test/CheckoutWorkflow.java");
    }
}
