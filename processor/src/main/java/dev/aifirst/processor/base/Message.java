package dev.aifirst.processor.base;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every error and warning the processor reports, each with a stable id that a user can search for
 * and a test can assert. The id never changes once released: a retired message keeps its id unused,
 * and a new message takes the next free number. Ids starting with {@code AIF-E} are errors,
 * {@code AIF-W} warnings.
 *
 * <p>Each text names the element at fault, the cause, and the fix. Arguments are filled in with
 * {@link String#format}; the printed message starts with the tag, e.g. {@code [AIF-E019] Stay has no
 * method isConfirmd(); ...}.
 */
public enum Message {

    // @Events on entities
    EVENTS_NOT_ON_CLASS("AIF-E001", "@Events belongs on a JPA @Entity class, not on %s %s"),
    EVENTS_NOT_ON_ENTITY("AIF-E002", "%s has @Events but is not a JPA entity: annotate it with"
            + " @jakarta.persistence.Entity (events are kept in sync through Hibernate)"),
    ENTITY_NOT_REACHABLE("AIF-E003", "the entity %s must be a top-level or static nested class that is not private,"
            + " so its generated events can reach it"),
    DUPLICATE_EVENT_NAME("AIF-E004", "duplicate event name '%s' on %s: each @Event of an entity needs a name of its own"),
    EVENT_CONSTANT_CLASH("AIF-E005", "event names '%s' and '%s' both make the constant %s; rename one of them"),
    NO_EVENT("AIF-E006", "@Events on %s declares no @Event"),
    ENTITY_WITHOUT_ID("AIF-E007", "%s has no @Id: an entity with events needs an identifier, because every event row"
            + " is stored under it"),
    ID_WITHOUT_GETTER("AIF-E008", "the id '%s' of %s is private and has no getter; add get%s()"),
    ID_TYPE_UNSUPPORTED("AIF-E009", "the id '%s' of %s has type %s, which events cannot store; use Long, Integer,"
            + " Short, String, UUID, BigInteger or BigDecimal"),
    EVENT_NAME_WITHOUT_TEXT("AIF-E010", "event name '%s' needs at least one letter or digit outside its placeholders,"
            + " e.g. \"reservation_created\""),
    EVENT_NAME_WITH_WHITESPACE("AIF-E011", "event name '%s' must not contain whitespace"),
    EVENT_NAME_RESERVED("AIF-E012", "event name '%s' is reserved by the generated class; rename it"),
    NAMESPACE_EMPTY("AIF-E013", "namespace must not be empty; leave it out for the default \"*\""),
    NO_TRIGGER("AIF-E014", "on = {} lets the event never occur; name at least one Trigger (CREATE, UPDATE, DELETE)"),
    PROPERTY_PRIVATE("AIF-E015", "the field %s of %s is private and has no getter; add get%s() for '%s'"),
    PROPERTY_MISSING("AIF-E016", "%s has no property '%s' for '%s' (no getter get%s() and no field %s)"),
    PLACEHOLDER_PRIVATE("AIF-E017", "placeholder {%s} is a private field of %s without a getter; add get%s()"),
    PLACEHOLDER_MISSING("AIF-E018", "placeholder {%s} names no property of %s (no getter get%s() and no field %s)"),
    WHEN_METHOD_MISSING("AIF-E019", "%s has no method %s();%s 'when' names a no-argument boolean method of the"
            + " entity, e.g. boolean isConfirmed()"),
    WHEN_NOT_BOOLEAN("AIF-E020", "the 'when' method %s() returns %s; it must return boolean"),
    WHEN_STATIC("AIF-E021", "the 'when' method %s() is static; it must be an instance method that reads the entity"),
    WHEN_PRIVATE("AIF-E022", "the 'when' method %s() is private; make it package-private or public so the generated"
            + " events can call it"),
    WHEN_WITH_PARAMETERS("AIF-E023", "the 'when' method %s(...) takes parameters; it must take none and return boolean"),
    AT_NOT_A_DATE("AIF-E024", "the 'at' property %s has type %s; it must be a date: Instant, OffsetDateTime,"
            + " ZonedDateTime, LocalDateTime or LocalDate"),
    TEMPLATE_MALFORMED("AIF-E025", "malformed %s '%s': %s"),

    // Durations and @Retry, wherever they are written
    DURATION_UNPARSABLE("AIF-E026", "'%s' is not an ISO-8601 duration for %s; write it like \"PT30S\", \"PT2H\","
            + " \"P1D\" or, before a date, \"-PT1H\""),
    DURATION_NEGATIVE("AIF-E027", "%s must not be negative, was %s"),
    RETRY_ATTEMPTS("AIF-E028", "@Retry maxAttempts must be at least 1 (the first attempt counts), was %s"),
    RETRY_MULTIPLIER("AIF-E029", "@Retry multiplier must be a finite number of at least 1.0, was %s"),
    RETRY_MAX_BACKOFF_SHORT("AIF-E030", "@Retry maxBackoff %s is shorter than backoff %s"),
    RETRY_CLASS_IN_BOTH_LISTS("AIF-E074", "@Retry names %s both in nonRetryable and in retryOn; keep it in"
            + " nonRetryable to fail at once on it, or in retryOn to retry it"),
    RETRY_CLASSES_INHERITED("AIF-E075", "a step whose @Retry inherits the workflow's policy (maxAttempts ="
            + " Retry.INHERIT) takes the workflow's classes too, so it cannot name %s of its own; give the step"
            + " a maxAttempts of its own, or name the classes in the workflow's @Retry"),

    // @OnEvent handlers
    HANDLER_CLASS_NOT_REACHABLE("AIF-E031", "@OnEvent methods belong in a class that is top-level or a static nested"
            + " class, and not private, so that the generated dispatcher can call them"),
    HANDLER_DUPLICATE_NAME("AIF-E032", "two @OnEvent methods of %s are named %s; a handler is identified by its method"
            + " name, so give each its own"),
    HANDLER_PRIVATE("AIF-E033", "@OnEvent method %s is private; make it package-private or public so the generated"
            + " dispatcher can call it"),
    HANDLER_RETURNS_VALUE("AIF-E034", "@OnEvent method %s returns %s; " + Signatures.HANDLER),
    HANDLER_PARAMETER_COUNT("AIF-E035", "@OnEvent method %s takes %s parameters; " + Signatures.HANDLER),
    HANDLER_PARAMETER_TYPE("AIF-E036", "@OnEvent method %s takes %s; " + Signatures.HANDLER),
    HANDLER_GENERIC("AIF-E037", "@OnEvent method %s must not be generic; " + Signatures.HANDLER),
    HANDLER_EVENT_MISSING("AIF-E038", "@OnEvent needs an event name; use the generated constant,"
            + " e.g. ReservationEvents.CHECKIN_DUE"),

    // Event names referred to by handlers and workflows, checked once every entity is known
    EVENT_NOT_DECLARED("AIF-E039", "%s declares no event '%s'; its events are: %s"),
    EVENT_UNKNOWN_TO_HANDLER("AIF-W001", "no entity in this compilation declares the event '%s' that %s handles; check"
            + " the name, or ignore this if %s declares it in another module"),
    EVENT_UNKNOWN_TO_WORKFLOW("AIF-W002", "no entity in this compilation declares the event '%s'; check the name, or"
            + " ignore this if its entity lives in another module"),
    OFFSET_BEFORE_IMMEDIATE_EVENT("AIF-W003", "'%s' is an immediate event, so the negative offset of %s cannot run"
            + " before it; it runs when the event occurs"),

    // @Workflow classes
    WORKFLOW_NOT_CONCRETE("AIF-E040", "@Workflow belongs on a concrete class with @Step methods"),
    WORKFLOW_NOT_REACHABLE("AIF-E041", "the workflow %s must be a top-level or static nested class that is not"
            + " private, so its generated state machine can call it"),
    WORKFLOW_NAME_INVALID("AIF-E042", "a workflow needs a name without whitespace, e.g. \"smart_lock_setup\""),
    WORKFLOW_VERSION("AIF-E043", "version must be at least 1, was %s"),
    OFFSET_WITHOUT_ON("AIF-E044", "offset applies to workflows that start on an event; set 'on', or leave the offset"
            + " out"),
    DEBOUNCE_WITHOUT_ON("AIF-E045", "debounce groups the events that start runs; it needs 'on'"),
    CREATE_CONTEXT_MISSING("AIF-E046", "a workflow that starts on an event creates its context from it: declare"
            + " static %s createContext(EventContext<Entity> event) in %s"),
    CREATE_CONTEXT_SIGNATURE("AIF-E047", "createContext must be static, not private, take one EventContext<Entity>"
            + " and return %s"),
    CONTEXT_MISSING("AIF-E048", "the workflow %s needs a nested class Context holding its state, e.g. public static"
            + " class Context { public long reservationId; }"),
    CONTEXT_NOT_CONSTRUCTIBLE("AIF-E049", "Jackson cannot construct %s.Context, which stores each run's state: it %s."
            + " Use a record or a static class with a no-argument constructor"),
    WORKFLOW_WITHOUT_STEPS("AIF-E050", "the workflow %s has no @Step method"),
    STEP_DUPLICATE_NAME("AIF-E051", "two @Step methods of %s are named %s; a step is identified by its method name,"
            + " so give each its own"),
    NO_START_STEP("AIF-E052", "the workflow %s has no start step: mark the step its runs begin with"
            + " @Step(start = true)"),
    TWO_START_STEPS("AIF-E053", "the workflow %s already starts with %s; only one step may have start = true"),
    STEP_OUTSIDE_WORKFLOW("AIF-E054", "@Step method %s is in %s, which is not a @Workflow; annotate the class with"
            + " @Workflow(name = ...)"),
    DUPLICATE_WORKFLOW_NAME("AIF-E055", "two workflows are named '%s': %s and %s; runs are stored under the name, so"
            + " each workflow needs its own"),
    STEP_UNREACHABLE("AIF-W004", "step %s of %s is unreachable: no step goes to it from the start step %s"),

    // @Step methods
    STEP_PRIVATE("AIF-E056", "@Step method %s is private; make it package-private or public so the generated state"
            + " machine can call it"),
    STEP_RETURNS("AIF-E057", "@Step method %s returns %s; " + Signatures.STEP),
    STEP_WITHOUT_CONTEXT("AIF-E058", "@Step method %s takes no Context; " + Signatures.STEP),
    STEP_FIRST_PARAMETER("AIF-E059", "the first parameter of @Step method %s must be %s.Context, not %s; "
            + Signatures.STEP),
    STEP_PARAMETER_UNSUPPORTED("AIF-E060", "@Step method %s cannot be given a %s; " + Signatures.STEP),
    STEP_PARAMETER_TWICE("AIF-E061", "@Step method %s takes two parameters of type %s; " + Signatures.STEP),
    ON_FAIL_TWICE("AIF-E062", "the workflow %s already has an @OnFail method, %s; it may have one"),
    ON_FAIL_SIGNATURE("AIF-E063", "an @OnFail method is an instance method, not private, that returns void and takes"
            + " the Context and a WorkflowFailure: void %s(Context ctx, WorkflowFailure failure)"),
    STEP_OF_ANOTHER_WORKFLOW("AIF-E076", "step %s of %s goes to %s, a step of another workflow, in %s(...); a step"
            + " may only go to its own workflow's steps (%s); to run another workflow, return runSubflow(%s.class,"
            + " ..., %s)"),

    // @WaitForEvent
    WAIT_WITHOUT_STEP("AIF-E064", "@WaitForEvent belongs on a @Step method; add @Step to %s"),
    WAIT_EVENT_MISSING("AIF-E065", "@WaitForEvent needs an event name; use the generated constant,"
            + " e.g. ReservationEvents.GUEST_CHECKED_IN"),
    ON_TIMEOUT_UNKNOWN_STEP("AIF-E066", "onTimeout names no step of %s: '%s'; its steps are %s"),
    TIMEOUT_WITHOUT_ON_TIMEOUT("AIF-E067", "a @WaitForEvent with a timeout needs onTimeout: the step to go to when the"
            + " event does not come in time"),
    ON_TIMEOUT_WITHOUT_TIMEOUT("AIF-E068", "onTimeout needs a timeout, e.g. timeout = \"PT2H\""),
    MATCH_ONE_SIDED("AIF-E069", "@Match names both sides: the entity's property and the context's,"
            + " e.g. @Match(entity = \"id\", context = \"reservationId\")"),
    MATCH_CONTEXT_PROPERTY_MISSING("AIF-E070", "%s.Context has no property '%s' for @Match(context)"),
    MATCH_ENTITY_PROPERTY_MISSING("AIF-E071", "%s has no property '%s' for @Match(entity)"),
    MATCH_ENTITY_NOT_ID("AIF-E072", "@Match(entity) names the id of %s, not '%s': keep that id in the context and"
            + " match on it, e.g. @Match(entity = \"id\", context = \"%s\")"),
    MATCH_MISSING_FOR_MANUAL_RUN("AIF-E073", "a run started by hand has no entity of its own, so @WaitForEvent must say"
            + " which event is the run's: add match = @Match(entity = \"id\", context = \"reservationId\")"),

    // The namespace a handler or an event workflow receives (@OnEvent(namespace), @Workflow(namespace))
    SUBSCRIBER_NAMESPACE_EMPTY("AIF-E077", "namespace must not be empty; leave it out to receive every namespace"
            + " (\"*\")"),
    SUBSCRIBER_NAMESPACE_MALFORMED("AIF-E078", "namespace '%s' %s; name one namespace as the event renders it,"
            + " e.g. \"tenant-a\", or \"*\" for every namespace"),
    NAMESPACE_NEVER_DECLARED("AIF-E079", "%s declares '%s' in namespace \"%s\"%s, so %s in namespace \"%s\" would"
            + " never receive it; %s"),
    NAMESPACE_NEVER_RENDERED("AIF-E080", "%s renders the namespace of '%s' from \"%s\", which can never be \"%s\", so"
            + " %s would never receive it; the namespace must keep the template's literal text, with at least one"
            + " character for each placeholder"),
    NAMESPACE_WITHOUT_ON("AIF-E081", "namespace selects the occurrences of the event that starts runs; it needs 'on'"),

    // @Agent classes
    AGENT_NOT_CONCRETE("AIF-E100", "@Agent belongs on a concrete class with @Handler or @Heartbeat methods"),
    AGENT_NOT_REACHABLE("AIF-E101", "the agent %s must be a top-level or static nested class that is not private,"
            + " so its generated dispatcher can call it"),
    AGENT_NAME_INVALID("AIF-E102", "an agent needs a name without whitespace, e.g. \"guest_concierge\""),
    DUPLICATE_AGENT_NAME("AIF-E103", "two agents are named '%s': %s and %s; agents are stored under the name, so each"
            + " agent needs its own"),
    AGENT_CONTEXT_MISSING("AIF-E104", "the agent %s needs a nested class Context holding its state, e.g. public static"
            + " class Context { public long reservationId; }"),
    AGENT_CONTEXT_NOT_CONSTRUCTIBLE("AIF-E105", "Jackson cannot construct %s.Context, which stores each agent's state:"
            + " it %s. Use a record or a static class with a no-argument constructor"),
    AGENT_CREATE_CONTEXT_MISSING("AIF-E106", "an agent spawned by an event creates its context from it: declare static"
            + " %s createContext(EventContext<Entity> event) in %s"),
    AGENT_CREATE_CONTEXT_SIGNATURE("AIF-E107", "createContext must be static, not private, take one"
            + " EventContext<Entity> and return %s"),
    AGENT_MATCH_WITHOUT_SPAWN("AIF-E108", "@Agent(match) relates the spawning event's entity to the context, and %s"
            + " has no spawnOn; give each @Handler its own match instead"),
    MATCH_TYPES_DIFFER("AIF-E109", "@Match compares %s.%s, a %s, with %s.Context.%s, a %s; match properties of one"
            + " type"),
    DURATION_NOT_POSITIVE("AIF-E110", "%s must be longer than zero, was %s; leave it out for none"),
    AGENT_WITHOUT_WORK("AIF-E111", "the agent %s has no @Handler and no @Heartbeat method, so it would never do"
            + " anything"),

    // @Handler and @Heartbeat methods of agents
    AGENT_HANDLER_OUTSIDE_AGENT("AIF-E112", "@Handler method %s is in %s, which is not an @Agent; annotate the class"
            + " with @Agent(name = ...)"),
    HEARTBEAT_OUTSIDE_AGENT("AIF-E113", "@Heartbeat method %s is in %s, which is not an @Agent; annotate the class"
            + " with @Agent(name = ..., heartbeat = \"PT1H\")"),
    AGENT_HANDLER_PRIVATE("AIF-E114", "@Handler method %s is private; make it package-private or public so the"
            + " generated dispatcher can call it"),
    AGENT_HANDLER_RETURNS("AIF-E115", "@Handler method %s returns %s; " + Signatures.AGENT_HANDLER),
    AGENT_HANDLER_PARAMETER("AIF-E116", "@Handler method %s cannot be given a %s; " + Signatures.AGENT_HANDLER),
    AGENT_HANDLER_PARAMETER_TWICE("AIF-E117", "@Handler method %s takes two parameters of type %s; "
            + Signatures.AGENT_HANDLER),
    AGENT_HANDLER_EVENT_MISSING("AIF-E118", "@Handler needs an event name; use the generated constant,"
            + " e.g. ReservationEvents.CHECKOUT_DUE"),
    AGENT_HANDLER_DUPLICATE_NAME("AIF-E119", "two @Handler methods of %s are named %s; a handler is identified by its"
            + " method name, so give each its own"),
    DEBOUNCED_HANDLER_WITHOUT_LIST("AIF-E120", "@Handler method %s is debounced, so it receives the events of its quiet"
            + " window together: take a List<EventContext<%s>> instead of %s"),
    EVENT_LIST_WITHOUT_DEBOUNCE("AIF-E121", "@Handler method %s takes a list of events, which only a debounced handler"
            + " receives; add debounce = \"PT5M\" (the quiet window), or take one EventContext<%s>"),
    AGENT_HANDLER_UNRELATED("AIF-E122", "@Handler method %s handles an event of %s, which @Agent(match) cannot relate"
            + " to the agent; add match = @Match(entity = \"%s\", context = \"%s\")"),
    AGENT_HANDLER_ENTITY_UNKNOWN("AIF-E123", "no entity in this compilation declares '%s', so the entity of @Handler"
            + " method %s is unknown; take its event as a parameter, e.g. EventContext<Reservation> event"),
    HEARTBEAT_METHOD_MISSING("AIF-E124", "the agent %s has heartbeat = \"%s\" but no @Heartbeat method; add"
            + " @Heartbeat AgentDecision act(Context ctx, AgentMemory memory)"),
    HEARTBEAT_INTERVAL_MISSING("AIF-E125", "@Heartbeat method %s runs every @Agent(heartbeat), which %s does not set;"
            + " add heartbeat = \"PT2H\""),
    HEARTBEAT_TWICE("AIF-E126", "the agent %s already has a @Heartbeat method, %s; it may have one"),
    HEARTBEAT_SIGNATURE("AIF-E127", "a @Heartbeat method is not private, returns AgentDecision or void, and takes the"
            + " Context and, optionally, the AgentMemory: AgentDecision %s(Context ctx, AgentMemory memory)"),
    AGENT_WHEN_MISSING("AIF-E128", "%s has no method %s for the 'when' of @Handler method %s;%s 'when' names a boolean"
            + " method of the agent that takes any of the handler's Context and event parameters"),
    AGENT_WHEN_SIGNATURE("AIF-E129", "the 'when' method %s of @Handler method %s must not be private, must return"
            + " boolean and may take only the handler's Context and event parameters, e.g. boolean %s(Context ctx)"),
    AGENT_HANDLER_BEFORE_SPAWN("AIF-E130", "@Handler method %s runs before %s, the event that spawns the agent, so"
            + " the agent it belongs to cannot exist yet; use an offset of zero or more"),

    // Failures of the processor or the file system, not of the user's code
    CANNOT_WRITE_SOURCE("AIF-E090", "cannot write %s: %s"),
    CANNOT_WRITE_SERVICES("AIF-E091", "cannot write %s: %s"),
    PROCESSOR_FAILED("AIF-E092", "aifirst-processor failed in %s: %s%s. Please report this with the annotated class"
            + " that caused it.");

    private final String id;
    private final String format;

    Message(String id, String format) {
        this.id = id;
        this.format = format;
    }

    /** The stable id, e.g. {@code AIF-E019}. */
    public String id() {
        return id;
    }

    /** The text with {@code %s} for each argument, without the tag. */
    public String format() {
        return format;
    }

    /** An error for ids {@code AIF-E...}, a warning for {@code AIF-W...}. */
    public Diagnostic.Kind kind() {
        return id.startsWith("AIF-W") ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR;
    }

    /** The tag that starts the printed text: {@code [AIF-E019]}. */
    public String tag() {
        return "[" + id + "]";
    }

    /** The printed text: the tag, then the format filled with {@code arguments}. */
    public String text(Object... arguments) {
        return tag() + " " + String.format(Locale.ROOT, format, arguments);
    }

    /** Remedies shared by several messages. */
    private static final class Signatures {

        static final String HANDLER = "an @OnEvent method takes one EventContext<Entity> parameter and returns void,"
                + " e.g. void %s(EventContext<Reservation> event)";
        static final String AGENT_HANDLER = "a handler takes any of the agent's Context, the event"
                + " (EventContext<Entity>, or List<EventContext<Entity>> when debounced) and the AgentMemory, and returns"
                + " void or AgentDecision, e.g. void %s(Context ctx, EventContext<Reservation> event)";
        static final String STEP = "a step takes the workflow's Context (then, optionally, an EventContext<Entity>,"
                + " SignalPayload, SubflowResult or StepContext) and returns Flow, e.g. Flow %s(Context ctx)";

        private Signatures() {
        }
    }
}
