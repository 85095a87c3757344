package dev.aifirst.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.aifirst.codegen.Compilations.compile;
import static dev.aifirst.codegen.Compilations.generated;
import static dev.aifirst.codegen.Compilations.golden;
import static dev.aifirst.codegen.Compilations.resource;
import static dev.aifirst.codegen.Compilations.testSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: the code generated for the test fixtures {@code Booking} and {@code BookingHandlers}
 * is compared, text for text, with {@code src/test/resources/golden}. A change to the generator shows
 * up here as a readable diff; update the golden file when the change is intended.
 */
class GeneratedEventsTest {

    private final Compilation compilation = compile(
            testSource("dev/aifirst/events/fixtures/Booking.java"),
            testSource("dev/aifirst/events/fixtures/BookingHandlers.java"));

    @Test
    void compilesWithoutWarnings() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void entityEvents() {
        assertThat(generated(compilation, "dev.aifirst.events.fixtures.BookingEvents"))
                .isEqualTo(golden("BookingEvents.java"));
    }

    @Test
    void eventHandlers() {
        assertThat(generated(compilation, "dev.aifirst.events.fixtures.BookingHandlersEventHandlers"))
                .isEqualTo(golden("BookingHandlersEventHandlers.java"));
    }

    @Test
    void handlersOfOneNamespaceSayWhichWithAWither() {
        Compilation tickets = compile(
                testSource("dev/aifirst/events/fixtures/Ticket.java"),
                testSource("dev/aifirst/events/fixtures/TicketHandlers.java"));
        assertThat(tickets).succeededWithoutWarnings();
        assertThat(generated(tickets, "dev.aifirst.events.fixtures.TicketHandlersEventHandlers"))
                .isEqualTo(golden("TicketHandlersEventHandlers.java"));
    }

    @Test
    void serviceRegistries() {
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.EntityEvents"))
                .isEqualTo("dev.aifirst.events.fixtures.BookingEvents\n");
        assertThat(resource(compilation, "META-INF/services/dev.aifirst.spi.EventHandlers"))
                .isEqualTo("dev.aifirst.events.fixtures.BookingHandlersEventHandlers\n");
    }

    @Test
    void outputIsDeterministic() {
        Compilation again = compile(
                testSource("dev/aifirst/events/fixtures/BookingHandlers.java"),
                testSource("dev/aifirst/events/fixtures/Booking.java"));
        assertThat(generated(again, "dev.aifirst.events.fixtures.BookingEvents"))
                .isEqualTo(generated(compilation, "dev.aifirst.events.fixtures.BookingEvents"));
        assertThat(generated(again, "dev.aifirst.events.fixtures.BookingHandlersEventHandlers"))
                .isEqualTo(generated(compilation, "dev.aifirst.events.fixtures.BookingHandlersEventHandlers"));
    }
}
