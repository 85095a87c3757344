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
 * The code generated for the {@code Concierge} agent, text for text against
 * {@code src/test/resources/golden}, and the checks of agents that need a whole compilation.
 */
class GeneratedAgentTest {

    private static final JavaFileObject BOOKING = testSource("dev/aifirst/events/fixtures/Booking.java");
    private static final JavaFileObject NOTE = testSource("dev/aifirst/agents/fixtures/Note.java");

    @Test
    void routingTableMatchFunctionsAndDispatcher() {
        Compilation compilation = compile(BOOKING, NOTE, testSource("dev/aifirst/agents/fixtures/Concierge.java"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "dev.aifirst.agents.fixtures.ConciergeAgent"))
                .isEqualTo(golden("ConciergeAgent.java"));
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.AgentDefinition"))
                .isEqualTo("dev.aifirst.agents.fixtures.ConciergeAgent\n");
    }

    private static JavaFileObject agent(String className, String annotation, String body) {
        return source("dev.aifirst.agents.fixtures." + className, """
                package dev.aifirst.agents.fixtures;

                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;
                import dev.aifirst.events.fixtures.Booking;

                %s
                public class %s {
                    public static class Context { public long bookingId; }

                    static Context createContext(EventContext<Booking> event) { return new Context(); }
                %s
                }
                """.formatted(annotation, className, body));
    }

    @Test
    void twoAgentsOfOneNameAreAnError() {
        String annotation = "@Agent(name = \"helper\", spawnOn = \"booking_created\","
                + " match = @Match(entity = \"id\", context = \"bookingId\"))";
        String body = "    @Handler(event = \"booking_changed\") void changed(Context ctx, EventContext<Booking> e) { }\n";
        JavaFileObject first = agent("FirstHelper", annotation, body);
        JavaFileObject second = agent("SecondHelper", annotation, body);
        Compilation compilation = compile(BOOKING, first, second);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.DUPLICATE_AGENT_NAME.tag() + " two agents are named 'helper':"
                + " dev.aifirst.agents.fixtures.FirstHelper and dev.aifirst.agents.fixtures.SecondHelper")
                .inFile(second).onLineContaining("@Agent(");
    }

    @Test
    void anEventTheEntityDoesNotDeclareIsAnError() {
        JavaFileObject source = agent("Helper", "@Agent(name = \"helper\", spawnOn = \"booking_created\","
                + " match = @Match(entity = \"id\", context = \"bookingId\"))", """
                    @Handler(event = "booking_chnged")
                    void changed(Context ctx, EventContext<Booking> event) { }
                """);
        Compilation compilation = compile(BOOKING, source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.EVENT_NOT_DECLARED.tag()
                + " Booking declares no event 'booking_chnged'").inFile(source)
                .onLineContaining("@Handler(event = \"booking_chnged\")");
    }

    @Test
    void aHandlerWithoutItsEventFindsTheEntityThatDeclaresIt() {
        JavaFileObject source = agent("Helper", "@Agent(name = \"helper\", spawnOn = \"booking_created\","
                + " match = @Match(entity = \"id\", context = \"bookingId\"))", """
                    @Handler(event = "booking_changed")
                    void changed(Context ctx) { }
                """);
        Compilation compilation = compile(BOOKING, source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "dev.aifirst.agents.fixtures.HelperAgent"))
                .contains("AgentHandler.on(\"changed\", \"booking_changed\", Booking.class, \"bookingId\")")
                .contains("case \"changed\" -> ((Booking) entity).getId();");
    }
}
