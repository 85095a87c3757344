package dev.aifirst.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import dev.aifirst.testsupport.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated code can be stepped through: {@link Debuggee} runs in a JVM of its own under the Java
 * debugger interface; a breakpoint on a line of each kind of generated class stops there, in the
 * generated source file, and one "step into" lands in the user's method.
 */
class DebuggerTest {

    private static final Path GENERATED = Path.of("target/generated-test-sources/test-annotations");
    private static final Pattern LISTENING = Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

    /**
     * A line of a generated class to stop at, and the user's method and first line that one step
     * into it should reach.
     */
    record Stop(String generatedClass, String line, String intoMethod, String userSource, String userLine) {

        /** {@code "<generated source file>:<line>"}, as the debugger reports the breakpoint. */
        String breakpoint() throws IOException {
            return generatedClass.substring(generatedClass.lastIndexOf('.') + 1) + ".java:" + lineNumber();
        }

        int lineNumber() throws IOException {
            return lineOf(GENERATED.resolve(generatedClass.replace('.', '/') + ".java"), line);
        }

        /** {@code "<method> (<source file>:<line>)"}, as the debugger reports where the step went. */
        String landing() throws IOException {
            Path source = Path.of("src/test/java", userSource);
            return intoMethod + " (" + source.getFileName() + ":" + lineOf(source, userLine) + ")";
        }
    }

    @Test
    void aBreakpointInGeneratedCodeStopsInItsSourceAndStepsIntoTheUsersMethod(@TempDir Path dir) throws Exception {
        List<Stop> stops = List.of(
                new Stop("dev.aifirst.events.fixtures.BookingEvents", "boolean condition = entity.isConfirmed();",
                        "dev.aifirst.events.fixtures.Booking.isConfirmed",
                        "dev/aifirst/events/fixtures/Booking.java", "return status == Status.CONFIRMED;"),
                new Stop("dev.aifirst.events.fixtures.BookingHandlersEventHandlers",
                        "case \"onCreated\" -> target.onCreated((EventContext<Booking>) event);",
                        "dev.aifirst.events.fixtures.BookingHandlers.onCreated",
                        "dev/aifirst/events/fixtures/BookingHandlers.java",
                        "event.entity().setGuest(event.entity().getGuest() + \" (welcomed)\");"),
                new Stop("dev.aifirst.workflows.fixtures.ChainWorkflow", "case ONE -> workflow.one(context);",
                        "dev.aifirst.workflows.fixtures.Chain.one", "dev/aifirst/workflows/fixtures/Chain.java",
                        "return record(ctx, \"one\", goTo(ChainSteps.TWO));"));
        Map<String, String> expected = new LinkedHashMap<>();
        for (Stop stop : stops) {
            expected.put(stop.breakpoint(), stop.landing());
        }

        Path log = dir.resolve("debuggee.log");
        Process debuggee = ChildJvm.start(Debuggee.class, log,
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0"));
        try {
            VirtualMachine vm = attach(listeningPort(debuggee, log));
            Map<String, List<String>> callers = new LinkedHashMap<>();
            Map<String, String> stepped = debug(vm, stops, callers);

            assertThat(stepped).as("where each breakpoint stopped, and where a step into it went")
                    .containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(callers.get("dev.aifirst.workflows.fixtures.ChainWorkflow"))
                    .as("the runtime's frames between db-scheduler and the generated execute: the run loop, and"
                            + " the execution's handling of a database that is away")
                    .containsExactly("dev.aifirst.internal.workflows.StepInvoker.invoke",
                            "dev.aifirst.internal.workflows.RunLoop.runStep",
                            "dev.aifirst.internal.workflows.RunLoop.execute",
                            "dev.aifirst.internal.scheduling.Resilience.run",
                            "dev.aifirst.internal.workflows.WorkflowEngine.runSteps");
            assertThat(debuggee.waitFor(60, TimeUnit.SECONDS)).as("the debuggee finished").isTrue();
            assertThat(ChildJvm.output(log)).contains(" COMPLETED");
        } finally {
            debuggee.destroyForcibly();
        }
    }

    /**
     * Resumes the VM until it ends; stops once at each of {@code stops}, checks that the stop is in
     * the generated source with the step's variables visible, and steps into the next call.
     *
     * @param callers filled with, for each stop's generated class, the runtime's frames that called it
     *     (up to the first frame outside this project), innermost first
     * @return for each stop, {@code "<source file>:<line>"} → {@code "<method> (<source file>:<line>)"}
     *     where the step into it went
     */
    private static Map<String, String> debug(VirtualMachine vm, List<Stop> stops, Map<String, List<String>> callers)
            throws Exception {
        EventRequestManager requests = vm.eventRequestManager();
        Map<String, Stop> byClass = new LinkedHashMap<>();
        for (Stop stop : stops) {
            byClass.put(stop.generatedClass(), stop);
            ClassPrepareRequest prepared = requests.createClassPrepareRequest();
            prepared.addClassFilter(stop.generatedClass());
            prepared.enable();
        }
        Map<String, String> stepped = new LinkedHashMap<>();
        String stoppedAt = null;
        vm.resume();
        while (true) {
            EventSet events = vm.eventQueue().remove(60_000);
            if (events == null) {
                throw new AssertionError("the debuggee sent no event for a minute; so far: " + stepped);
            }
            for (Event event : events) {
                if (event instanceof ClassPrepareEvent prepare) {
                    Stop stop = byClass.get(prepare.referenceType().name());
                    BreakpointRequest breakpoint = requests.createBreakpointRequest(
                            lineLocation(prepare.referenceType(), stop.lineNumber()));
                    breakpoint.addCountFilter(1); // the first time is enough
                    breakpoint.enable();
                } else if (event instanceof BreakpointEvent hit) {
                    Location at = hit.location();
                    stoppedAt = at.sourceName() + ":" + at.lineNumber();
                    assertThat(at.sourcePath()).as("the path a debugger looks up among the generated sources")
                            .isEqualTo(at.declaringType().name().replace('.', '/') + ".java");
                    StackFrame frame = hit.thread().frame(0);
                    assertThat(frame.visibleVariables()).as("the generated method's variables at " + stoppedAt)
                            .isNotEmpty();
                    callers.put(at.declaringType().name(), projectCallers(hit.thread().frames()));
                    StepRequest step = requests.createStepRequest(hit.thread(), StepRequest.STEP_LINE,
                            StepRequest.STEP_INTO);
                    for (String excluded : List.of("java.*", "javax.*", "jdk.*", "sun.*", "org.hibernate.*")) {
                        step.addClassExclusionFilter(excluded);
                    }
                    step.addCountFilter(1);
                    step.enable();
                } else if (event instanceof StepEvent into) {
                    Location at = into.location();
                    stepped.put(stoppedAt, at.declaringType().name() + "." + at.method().name() + " ("
                            + at.sourceName() + ":" + at.lineNumber() + ")");
                    requests.deleteEventRequest(into.request());
                } else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    return stepped;
                }
            }
            events.resume();
        }
    }

    /**
     * The frames below the top one that belong to this project, up to the first that does not; the
     * compiler's bridge methods and the JVM's lambda classes, which no one writes, are left out.
     */
    private static List<String> projectCallers(List<StackFrame> frames) {
        List<String> callers = new ArrayList<>();
        for (StackFrame frame : frames.subList(1, frames.size())) {
            Location at = frame.location();
            String type = at.declaringType().name();
            if (!type.startsWith("dev.aifirst.")) {
                break;
            }
            if (!at.method().isBridge() && !type.contains("$$Lambda")) {
                callers.add(type + "." + at.method().name());
            }
        }
        return callers;
    }

    private static Location lineLocation(ReferenceType type, int line) throws AbsentInformationException {
        List<Location> locations = type.locationsOfLine(line);
        assertThat(locations).as("code on line " + line + " of " + type.name() + " (compiled with line numbers)")
                .isNotEmpty();
        return locations.get(0);
    }

    private static int lineOf(Path source, String text) throws IOException {
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line '" + text + "' in " + source);
    }

    /** The debuggee prints the port it listens on before anything else. */
    private static int listeningPort(Process debuggee, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(ChildJvm.output(log));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!debuggee.isAlive()) {
                break;
            }
            debuggee.waitFor(50, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the debuggee did not listen for a debugger; its output:\n" + ChildJvm.output(log));
    }

    private static VirtualMachine attach(int port) throws Exception {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.transport().name().equals("dt_socket")).findFirst().orElseThrow();
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(String.valueOf(port));
        return socket.attach(arguments);
    }
}
