package dev.aifirst.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;
import dev.aifirst.processor.base.Message;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Users' sources for diagnostics tests, compiled with the processor. */
final class Sources {

    /**
     * The runtime's {@code EventContext}, reduced to what the processor looks at; the processor module
     * cannot depend on the runtime, and only the type's name and parameter matter here.
     */
    static final JavaFileObject EVENT_CONTEXT = JavaFileObjects.forSourceString("dev.aifirst.events.EventContext",
            "package dev.aifirst.events;\npublic interface EventContext<E> { E entity(); }\n");

    /** The runtime's workflow types, reduced likewise to their names. */
    static final List<JavaFileObject> WORKFLOW_TYPES = List.of(
            JavaFileObjects.forSourceString("dev.aifirst.Flow", """
                    package dev.aifirst;
                    import dev.aifirst.workflows.WorkflowStep;
                    public interface Flow {
                        static Flow goTo(WorkflowStep next) { return null; }
                        static Flow goTo(WorkflowStep next, double progress) { return null; }
                        static Flow waitForSignal(String name, java.time.Duration timeout, WorkflowStep onTimeout) {
                            return null;
                        }
                        static Flow runSubflow(Class<?> workflow, java.util.function.Supplier<?> context,
                                WorkflowStep onComplete) {
                            return null;
                        }
                        static Flow complete() { return null; }
                    }
                    """),
            JavaFileObjects.forSourceString("dev.aifirst.workflows.WorkflowStep",
                    "package dev.aifirst.workflows;\npublic interface WorkflowStep { String stepName(); }\n"),
            JavaFileObjects.forSourceString("dev.aifirst.workflows.SignalPayload",
                    "package dev.aifirst.workflows;\npublic record SignalPayload(String name) { }\n"),
            JavaFileObjects.forSourceString("dev.aifirst.workflows.SubflowResult",
                    "package dev.aifirst.workflows;\npublic record SubflowResult(String runId) { }\n"),
            JavaFileObjects.forSourceString("dev.aifirst.workflows.StepContext",
                    "package dev.aifirst.workflows;\npublic interface StepContext { }\n"),
            JavaFileObjects.forSourceString("dev.aifirst.workflows.WorkflowFailure",
                    "package dev.aifirst.workflows;\npublic record WorkflowFailure(String step) { }\n"));

    /** The runtime's agent types, reduced likewise. */
    static final List<JavaFileObject> AGENT_TYPES = List.of(
            JavaFileObjects.forSourceString("dev.aifirst.agents.AgentMemory",
                    "package dev.aifirst.agents;\npublic interface AgentMemory { void think(String thought); }\n"),
            JavaFileObjects.forSourceString("dev.aifirst.agents.AgentDecision",
                    "package dev.aifirst.agents;\npublic record AgentDecision(boolean finish, String reason) { }\n"));

    private Sources() {
    }

    /** A source file {@code test/<simpleName>.java} with the usual imports. */
    static JavaFileObject source(String simpleName, String body) {
        String text = """
                package test;

                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;
                import jakarta.persistence.*;
                import java.time.*;

                """ + body;
        return JavaFileObjects.forSourceString("test." + simpleName, text);
    }

    /** An entity {@code test.Stay} with the given {@code @Events} and a conventional body. */
    static JavaFileObject stay(String events) {
        return source("Stay", events + """

                @Entity
                public class Stay {
                    @Id Long id;
                    String guest;
                    String taskType;
                    Instant checkinAt;
                    LocalDate checkoutDate;
                    String status;
                    private String secret;
                    int nights;

                    public Long getId() { return id; }
                    public Instant getCheckinAt() { return checkinAt; }
                    boolean isConfirmed() { return "CONFIRMED".equals(status); }
                    String label() { return guest; }
                    boolean isLongerThan(int n) { return nights > n; }
                    private boolean isHidden() { return false; }
                }
                """);
    }

    /**
     * Compiles {@code source} (with {@code others}) and asserts that the only error is {@code message}
     * starting with the text {@code text}, reported on the line containing {@code line}: a class that fails
     * validation gets no generated code, so no error follows from it.
     */
    static void assertSingleErrorOnLine(Message message, JavaFileObject source, String text, String line,
            JavaFileObject... others) {
        List<JavaFileObject> all = new ArrayList<>(List.of(others));
        all.add(source);
        Compilation compilation = compile(all.toArray(JavaFileObject[]::new));
        CompilationSubject.assertThat(compilation).failed();
        CompilationSubject.assertThat(compilation).hadErrorCount(1);
        assertErrorOnLine(compilation, message, text, source, line);
    }

    /**
     * Asserts that {@code compilation} reported {@code message}: its tag followed by
     * {@code text} (the start of the message), on the line of {@code source} that contains {@code line}.
     */
    static void assertErrorOnLine(Compilation compilation, Message message, String text, JavaFileObject source,
            String line) {
        CompilationSubject.assertThat(compilation).hadErrorContaining(message.tag() + " " + text).inFile(source)
                .onLineContaining(line);
    }

    static Compilation compile(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        all.add(EVENT_CONTEXT);
        all.addAll(WORKFLOW_TYPES);
        all.addAll(AGENT_TYPES);
        return javac().withProcessors(new AiFirstProcessor()).compile(all);
    }
}
