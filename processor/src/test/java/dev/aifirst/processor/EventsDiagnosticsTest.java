package dev.aifirst.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.aifirst.processor.Sources.assertSingleErrorOnLine;
import static dev.aifirst.processor.Sources.compile;
import static dev.aifirst.processor.Sources.source;
import static dev.aifirst.processor.Sources.stay;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each rule the processor checks on {@code @Events}: the error, its message, and the line of the
 * annotation member at fault. A class that fails validation gets no generated code.
 */
class EventsDiagnosticsTest {


    @Test
    void unknownWhenMethod() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "stay_created"),
                    @Event(name = "stay_confirmed", when = "isConfirmd"),
                })"""),
                "Stay has no method isConfirmd(); 'when' names a no-argument boolean method of the entity",
                "when = \"isConfirmd\"");
    }

    @Test
    void whenMethodThatDoesNotReturnBoolean() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "stay_labelled", when = "label"),
                })"""),
                "the 'when' method label() returns java.lang.String; it must return boolean",
                "when = \"label\"");
    }

    @Test
    void whenMethodWithParameters() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "long_stay", when = "isLongerThan"),
                })"""),
                "the 'when' method isLongerThan(...) takes parameters; it must take none and return boolean",
                "when = \"isLongerThan\"");
    }

    @Test
    void privateWhenMethod() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "hidden", when = "isHidden"),
                })"""),
                "the 'when' method isHidden() is private; make it package-private or public",
                "when = \"isHidden\"");
    }

    @Test
    void unknownAtProperty() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "checkin_due", at = "checkinAtt"),
                })"""),
                "Stay has no property 'checkinAtt' for 'at' (no getter getCheckinAtt() and no field checkinAtt)",
                "at = \"checkinAtt\"");
    }

    @Test
    void atPropertyThatIsNotADate() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "guest_due", at = "guest"),
                })"""),
                "the 'at' property guest has type java.lang.String; it must be a date: Instant, OffsetDateTime,"
                        + " ZonedDateTime, LocalDateTime or LocalDate",
                "at = \"guest\"");
    }

    @Test
    void atPropertyThatIsPrivateWithoutGetter() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "secret_due", at = "secret"),
                })"""),
                "the field secret of Stay is private and has no getter; add getSecret() for 'at'",
                "at = \"secret\"");
    }

    @Test
    void unknownTemplatePlaceholder() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "task_completed:{taskTyp}"),
                })"""),
                "placeholder {taskTyp} names no property of Stay (no getter getTaskTyp() and no field taskTyp)",
                "name = \"task_completed:{taskTyp}\"");
    }

    @Test
    void unknownNamespacePlaceholder() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "stay_created", namespace = "{propertyId}"),
                })"""),
                "placeholder {propertyId} names no property of Stay",
                "namespace = \"{propertyId}\"");
    }

    @Test
    void malformedTemplate() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "task_completed:{taskType"),
                })"""),
                "malformed name 'task_completed:{taskType': the placeholder opened at position 15 is not closed",
                "name = \"task_completed:{taskType\"");
    }

    @Test
    void unknownWatchProperty() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "status_changed", on = Trigger.UPDATE, watch = {"state"}),
                })"""),
                "Stay has no property 'state' for 'watch'",
                "watch = {\"state\"}");
    }

    @Test
    void eventsOnAClassThatIsNotAnEntity() {
        JavaFileObject source = source("Note", """
                @Events({
                    @Event(name = "note_created"),
                })
                public class Note {
                    @Id Long id;
                }
                """);
        assertSingleErrorOnLine(source,
                "Note has @Events but is not a JPA entity: annotate it with @jakarta.persistence.Entity", "@Events({");
    }

    @Test
    void eventsOnAnInterface() {
        JavaFileObject source = source("Named", """
                @Events({
                    @Event(name = "named"),
                })
                public interface Named {
                }
                """);
        assertSingleErrorOnLine(source, "@Events belongs on a JPA @Entity class, not on the interface Named", "@Events({");
    }

    @Test
    void duplicateEventNames() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "stay_created"),
                    @Event(name = "stay_created", when = "isConfirmed"),
                })"""),
                "duplicate event name 'stay_created' on Stay: each @Event of an entity needs a name of its own",
                "@Event(name = \"stay_created\", when = \"isConfirmed\")");
    }

    @Test
    void namesThatMakeTheSameConstant() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "stay_created"),
                    @Event(name = "stayCreated"),
                })"""),
                "event names 'stay_created' and 'stayCreated' both make the constant STAY_CREATED; rename one of them",
                "@Event(name = \"stayCreated\")");
    }

    @Test
    void entityWithoutId() {
        JavaFileObject source = source("Visit", """
                @Entity
                @Events({
                    @Event(name = "visit_created"),
                })
                public class Visit {
                    Long number;
                }
                """);
        assertSingleErrorOnLine(source, "Visit has no @Id: an entity with events needs an identifier", "@Events({");
    }

    @Test
    void idOfAnUnsupportedType() {
        JavaFileObject source = source("Visit", """
                @Entity
                @Events({
                    @Event(name = "visit_created"),
                })
                public class Visit {
                    @Id java.util.Date id;
                }
                """);
        assertSingleErrorOnLine(source, "the id 'id' of Visit has type java.util.Date, which events cannot store",
                "@Events({");
    }

    @Test
    void noTriggers() {
        assertSingleErrorOnLine(stay("""
                @Events({
                    @Event(name = "never", on = {}),
                })"""),
                "on = {} lets the event never occur; name at least one Trigger (CREATE, UPDATE, DELETE)",
                "on = {}");
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        Compilation compilation = compile(stay("""
                @Events({
                    @Event(name = "stay_confirmed", when = "isConfirmd"),
                    @Event(name = "checkin_due", at = "checkinAtt"),
                })"""));
        assertThat(compilation).hadErrorCount(2);
    }
}
