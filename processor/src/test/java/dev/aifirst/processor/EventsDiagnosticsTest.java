package dev.aifirst.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.aifirst.processor.Sources.assertSingleErrorOnLine;
import static dev.aifirst.processor.Sources.compile;
import static dev.aifirst.processor.Sources.source;
import static dev.aifirst.processor.Sources.stay;

import com.google.testing.compile.Compilation;
import dev.aifirst.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each rule the processor checks on {@code @Events}: the error, its message, and the line of the
 * annotation member at fault. A class that fails validation gets no generated code.
 */
class EventsDiagnosticsTest {


    @Test
    void unknownWhenMethod() {
        assertSingleErrorOnLine(Message.WHEN_METHOD_MISSING, stay("""
                @Events({
                    @Event(name = "stay_created"),
                    @Event(name = "stay_confirmed", when = "isConfirmd"),
                })"""),
                "Stay has no method isConfirmd(); did you mean isConfirmed()? 'when' names a no-argument boolean method"
                        + " of the entity",
                "when = \"isConfirmd\"");
    }

    @Test
    void whenMethodThatDoesNotReturnBoolean() {
        assertSingleErrorOnLine(Message.WHEN_NOT_BOOLEAN, stay("""
                @Events({
                    @Event(name = "stay_labelled", when = "label"),
                })"""),
                "the 'when' method label() returns java.lang.String; it must return boolean",
                "when = \"label\"");
    }

    @Test
    void whenMethodWithParameters() {
        assertSingleErrorOnLine(Message.WHEN_WITH_PARAMETERS, stay("""
                @Events({
                    @Event(name = "long_stay", when = "isLongerThan"),
                })"""),
                "the 'when' method isLongerThan(...) takes parameters; it must take none and return boolean",
                "when = \"isLongerThan\"");
    }

    @Test
    void privateWhenMethod() {
        assertSingleErrorOnLine(Message.WHEN_PRIVATE, stay("""
                @Events({
                    @Event(name = "hidden", when = "isHidden"),
                })"""),
                "the 'when' method isHidden() is private; make it package-private or public",
                "when = \"isHidden\"");
    }

    @Test
    void unknownAtProperty() {
        assertSingleErrorOnLine(Message.PROPERTY_MISSING, stay("""
                @Events({
                    @Event(name = "checkin_due", at = "checkinAtt"),
                })"""),
                "Stay has no property 'checkinAtt' for 'at' (no getter getCheckinAtt() and no field checkinAtt)",
                "at = \"checkinAtt\"");
    }

    @Test
    void atPropertyThatIsNotADate() {
        assertSingleErrorOnLine(Message.AT_NOT_A_DATE, stay("""
                @Events({
                    @Event(name = "guest_due", at = "guest"),
                })"""),
                "the 'at' property guest has type java.lang.String; it must be a date: Instant, OffsetDateTime,"
                        + " ZonedDateTime, LocalDateTime or LocalDate",
                "at = \"guest\"");
    }

    @Test
    void atPropertyThatIsPrivateWithoutGetter() {
        assertSingleErrorOnLine(Message.PROPERTY_PRIVATE, stay("""
                @Events({
                    @Event(name = "secret_due", at = "secret"),
                })"""),
                "the field secret of Stay is private and has no getter; add getSecret() for 'at'",
                "at = \"secret\"");
    }

    @Test
    void unknownTemplatePlaceholder() {
        assertSingleErrorOnLine(Message.PLACEHOLDER_MISSING, stay("""
                @Events({
                    @Event(name = "task_completed:{taskTyp}"),
                })"""),
                "placeholder {taskTyp} names no property of Stay (no getter getTaskTyp() and no field taskTyp)",
                "name = \"task_completed:{taskTyp}\"");
    }

    @Test
    void unknownNamespacePlaceholder() {
        assertSingleErrorOnLine(Message.PLACEHOLDER_MISSING, stay("""
                @Events({
                    @Event(name = "stay_created", namespace = "{propertyId}"),
                })"""),
                "placeholder {propertyId} names no property of Stay",
                "namespace = \"{propertyId}\"");
    }

    @Test
    void malformedTemplate() {
        assertSingleErrorOnLine(Message.TEMPLATE_MALFORMED, stay("""
                @Events({
                    @Event(name = "task_completed:{taskType"),
                })"""),
                "malformed name 'task_completed:{taskType': the placeholder opened at position 15 is not closed",
                "name = \"task_completed:{taskType\"");
    }

    @Test
    void unknownWatchProperty() {
        assertSingleErrorOnLine(Message.PROPERTY_MISSING, stay("""
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
        assertSingleErrorOnLine(Message.EVENTS_NOT_ON_ENTITY, source,
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
        assertSingleErrorOnLine(Message.EVENTS_NOT_ON_CLASS, source, "@Events belongs on a JPA @Entity class, not on the interface Named", "@Events({");
    }

    @Test
    void duplicateEventNames() {
        assertSingleErrorOnLine(Message.DUPLICATE_EVENT_NAME, stay("""
                @Events({
                    @Event(name = "stay_created"),
                    @Event(name = "stay_created", when = "isConfirmed"),
                })"""),
                "duplicate event name 'stay_created' on Stay: each @Event of an entity needs a name of its own",
                "@Event(name = \"stay_created\", when = \"isConfirmed\")");
    }

    @Test
    void namesThatMakeTheSameConstant() {
        assertSingleErrorOnLine(Message.EVENT_CONSTANT_CLASH, stay("""
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
        assertSingleErrorOnLine(Message.ENTITY_WITHOUT_ID, source, "Visit has no @Id: an entity with events needs an identifier", "@Events({");
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
        assertSingleErrorOnLine(Message.ID_TYPE_UNSUPPORTED, source, "the id 'id' of Visit has type java.util.Date, which events cannot store",
                "@Events({");
    }

    @Test
    void noTriggers() {
        assertSingleErrorOnLine(Message.NO_TRIGGER, stay("""
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
        assertThat(compilation).hadErrorContaining(Message.WHEN_METHOD_MISSING.tag());
        assertThat(compilation).hadErrorContaining(Message.PROPERTY_MISSING.tag());
    }

    @Test
    void privateNestedEntity() {
        JavaFileObject source = source("Outer", """
                public class Outer {
                    @Entity
                    @Events({
                        @Event(name = "inner_created"),
                    })
                    private static class Inner {
                        @Id Long id;
                    }
                }
                """);
        assertSingleErrorOnLine(Message.ENTITY_NOT_REACHABLE, source,
                "the entity Inner must be a top-level or static nested class that is not private", "@Events({");
    }

    @Test
    void noEvents() {
        assertSingleErrorOnLine(Message.NO_EVENT, stay("@Events({})"), "@Events on Stay declares no @Event",
                "@Events({})");
    }

    @Test
    void privateIdWithoutGetter() {
        JavaFileObject source = source("Visit", """
                @Entity
                @Events({
                    @Event(name = "visit_created"),
                })
                public class Visit {
                    @Id private Long number;
                }
                """);
        assertSingleErrorOnLine(Message.ID_WITHOUT_GETTER, source,
                "the id 'number' of Visit is private and has no getter; add getNumber()", "@Events({");
    }

    @Test
    void nameWithoutText() {
        assertSingleErrorOnLine(Message.EVENT_NAME_WITHOUT_TEXT, stay("""
                @Events({
                    @Event(name = "{taskType}"),
                })"""),
                "event name '{taskType}' needs at least one letter or digit outside its placeholders",
                "name = \"{taskType}\"");
    }

    @Test
    void nameWithWhitespace() {
        assertSingleErrorOnLine(Message.EVENT_NAME_WITH_WHITESPACE, stay("""
                @Events({
                    @Event(name = "stay created"),
                })"""),
                "event name 'stay created' must not contain whitespace", "name = \"stay created\"");
    }

    @Test
    void reservedName() {
        assertSingleErrorOnLine(Message.EVENT_NAME_RESERVED, stay("""
                @Events({
                    @Event(name = "declarations"),
                })"""),
                "event name 'declarations' is reserved by the generated class; rename it", "name = \"declarations\"");
    }

    @Test
    void emptyNamespace() {
        assertSingleErrorOnLine(Message.NAMESPACE_EMPTY, stay("""
                @Events({
                    @Event(name = "stay_created", namespace = ""),
                })"""),
                "namespace must not be empty; leave it out for the default \"*\"", "namespace = \"\"");
    }

    @Test
    void placeholderOnAPrivateField() {
        assertSingleErrorOnLine(Message.PLACEHOLDER_PRIVATE, stay("""
                @Events({
                    @Event(name = "secret:{secret}"),
                })"""),
                "placeholder {secret} is a private field of Stay without a getter; add getSecret()",
                "name = \"secret:{secret}\"");
    }

    @Test
    void staticWhenMethod() {
        JavaFileObject source = source("Visit", """
                @Entity
                @Events({
                    @Event(name = "visit_open", when = "isOpen"),
                })
                public class Visit {
                    @Id Long id;
                    static boolean isOpen() { return true; }
                }
                """);
        assertSingleErrorOnLine(Message.WHEN_STATIC, source,
                "the 'when' method isOpen() is static; it must be an instance method", "when = \"isOpen\"");
    }
}
