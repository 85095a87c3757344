package dev.aifirst.agents.fixtures;

import dev.aifirst.agents.AgentDecision;
import dev.aifirst.agents.AgentMemory;
import dev.aifirst.events.EventContext;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.spi.AgentDefinition;
import dev.aifirst.spi.AgentHandler;
import dev.aifirst.spi.AgentInputs;
import dev.aifirst.spi.ContextCodec;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.RetryPolicy;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The dispatcher of the agent {@code "concierge"} ({@link Concierge}), generated from its annotations.
 *
 * <p>The runtime calls {@link #handle} for each event routed to an agent and {@link #act} for
 * its heartbeat; each calls your method directly, so a breakpoint there steps into your code.
 */
@Generated("dev.aifirst.processor.AiFirstProcessor")
public final class ConciergeAgent implements AgentDefinition<Concierge.Context> {
    public static final String NAME = "concierge";

    private static final RetryPolicy NOTE_EDITED_RETRY = new RetryPolicy(2, Duration.ofMinutes(1), 2.0, Duration.ofHours(1));

    private static final List<AgentHandler> HANDLERS = List.of(
            AgentHandler.on("welcome", "booking_confirmed", Booking.class, "bookingId"),
            AgentHandler.on("prepareRoom", "booking_confirmed", Booking.class, "bookingId"),
            AgentHandler.on("askForFeedback", "checkout_due", Booking.class, "bookingId")
                    .offset(Duration.ofHours(1)),
            AgentHandler.on("answer", "note_received", Note.class, "bookingId"),
            AgentHandler.on("digest", "note_received", Note.class, "bookingId")
                    .debounce(Duration.ofMinutes(10)),
            AgentHandler.on("noteEdited", "note_edited", Note.class, "bookingId")
                    .retry(NOTE_EDITED_RETRY));

    private static final ContextCodec<Concierge.Context> CODEC = new ContextCodec<>(Concierge.Context.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<?> agentType() {
        return Concierge.class;
    }

    @Override
    public Class<Concierge.Context> contextType() {
        return Concierge.Context.class;
    }

    @Override
    public String spawnEvent() {
        return "booking_confirmed";
    }

    @Override
    public Class<?> spawnEntityType() {
        return Booking.class;
    }

    @Override
    public String namespace() {
        return "*";
    }

    @Override
    public boolean singleton() {
        return true;
    }

    @Override
    public String matchContext() {
        return "bookingId";
    }

    @Override
    public Duration heartbeat() {
        return Duration.ofHours(2);
    }

    @Override
    public List<AgentHandler> handlers() {
        return HANDLERS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Concierge.Context createContext(EventContext<?> event, Instances instances) {
        return Concierge.createContext((EventContext<Booking>) event);
    }

    @Override
    public Object contextKey(String property, Concierge.Context context) {
        return switch (property) {
            case "bookingId" -> context.bookingId;
            default -> throw new IllegalArgumentException("Context of Concierge has no match property " + property);
        };
    }

    @Override
    public Object entityKey(String method, Object entity) {
        return switch (method) {
            case "welcome" -> ((Booking) entity).getId();
            case "prepareRoom" -> ((Booking) entity).getId();
            case "askForFeedback" -> ((Booking) entity).getId();
            case "answer" -> ((Note) entity).getBookingId();
            case "digest" -> ((Note) entity).getBookingId();
            case "noteEdited" -> ((Note) entity).getBookingId();
            default -> throw new IllegalArgumentException("Concierge has no @Handler method " + method);
        };
    }

    @Override
    public boolean when(String method, Concierge.Context context, AgentInputs inputs,
            Instances instances) {
        Concierge agent = instances.get(Concierge.class, Concierge::new);
        return switch (method) {
            case "answer" -> agent.isListening(context);
            default -> true;
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public AgentDecision handle(String method, Concierge.Context context, AgentInputs inputs,
            Instances instances) throws Exception {
        Concierge agent = instances.get(Concierge.class, Concierge::new);
        return switch (method) {
            case "welcome" -> {
                agent.welcome(context, (EventContext<Booking>) inputs.event(), inputs.memory());
                yield AgentDecision.carryOn();
            }
            case "prepareRoom" -> {
                agent.prepareRoom(context);
                yield AgentDecision.carryOn();
            }
            case "askForFeedback" -> agent.askForFeedback(context, (EventContext<Booking>) inputs.event());
            case "answer" -> {
                agent.answer(context, (EventContext<Note>) inputs.event(), inputs.memory());
                yield AgentDecision.carryOn();
            }
            case "digest" -> {
                agent.digest(context, (List<EventContext<Note>>) (List<?>) inputs.events());
                yield AgentDecision.carryOn();
            }
            case "noteEdited" -> {
                agent.noteEdited(context, (EventContext<Note>) inputs.event());
                yield AgentDecision.carryOn();
            }
            default -> throw new IllegalArgumentException("Concierge has no @Handler method " + method);
        };
    }

    @Override
    public AgentDecision act(Concierge.Context context, AgentMemory memory, Instances instances)
            throws Exception {
        Concierge agent = instances.get(Concierge.class, Concierge::new);
        return agent.act(context, memory);
    }

    @Override
    public Concierge.Context decodeContext(String json) {
        return CODEC.decode(json);
    }

    @Override
    public String encodeContext(Concierge.Context context) {
        return CODEC.encode(context);
    }
}
