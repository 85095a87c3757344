package dev.aifirst.internal.workflows;

import dev.aifirst.events.EventContext;
import dev.aifirst.internal.events.EventContexts;
import dev.aifirst.internal.events.EventObserver;
import dev.aifirst.internal.events.EventReference;
import dev.aifirst.internal.persistence.SessionTransactions;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the runs waiting at a {@code @WaitForEvent} step when their event occurs for their entity,
 * in the transaction that records the occurrence.
 */
final class EventWaits implements EventObserver {

    private static final Logger LOG = LoggerFactory.getLogger(EventWaits.class);

    private final WorkflowRegistry registry;
    private final RunStore store;
    private final RunTransitions transitions;
    private final Clock clock;

    EventWaits(WorkflowRegistry registry, RunStore store, RunTransitions transitions, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Override
    public void occurred(EventContext<?> event, String claimedBy, Session session) throws Exception {
        if (!registry.awaits(event.name(), event.declaredName())) {
            return;
        }
        Connection c = SessionTransactions.connection(session);
        EventReference reference = EventContexts.referenceTo(event);
        Instant now = clock.instant();
        for (RunRow run : store.lockWaitingForEvent(c, event.name(), event.declaredName())) {
            if (!belongsTo(run, reference) || (claimedBy != null && !claimedBy.equals(ClaimChange.holderOf(run)))) {
                continue; // another entity's event, or one that another run has claimed
            }
            if (transitions.apply(c, run, Transition.wake(Inputs.event(reference), now).build(), now)) {
                LOG.debug("{} woken by {}", run, event);
            }
        }
    }

    /** Whether the event is about the run's own entity: the one that started it, or the one its wait names. */
    private static boolean belongsTo(RunRow run, EventReference event) {
        return run.matchValue != null
                ? run.matchValue.equals(event.entityId())
                : event.entityType().equals(run.entityType) && event.entityId().equals(run.entityId);
    }
}
