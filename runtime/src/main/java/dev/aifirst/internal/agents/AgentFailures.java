package dev.aifirst.internal.agents;

import dev.aifirst.agents.AgentStatus;
import dev.aifirst.agents.JournalKind;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.spi.AgentDefinition;
import dev.aifirst.spi.AgentHandler;
import dev.aifirst.spi.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a handler or heartbeat call that threw, in a transaction of its own after the call's was
 * rolled back: the context keeps its previous state; the events are retried under the handler's
 * policy (by default they are not) or marked failed; a heartbeat waits for its next interval. The
 * journal gets what the call wrote to its memory, then the failure.
 */
final class AgentFailures {

    private static final Logger LOG = LoggerFactory.getLogger(AgentFailures.class);

    private final AgentRegistry registry;
    private final AgentStore agents;
    private final InboxStore inbox;
    private final JournalStore journal;
    private final Database database;
    private final Clock clock;

    AgentFailures(AgentRegistry registry, AgentStore agents, InboxStore inbox, JournalStore journal,
            Database database, Clock clock) {
        this.registry = registry;
        this.agents = agents;
        this.inbox = inbox;
        this.journal = journal;
        this.database = database;
        this.clock = clock;
    }

    void record(AgentTask.Instance instance, AgentTurn.Piece piece, Throwable cause) {
        String error = cause.getClass().getName() + ": " + cause.getMessage();
        database.inTransaction(c -> {
            AgentRow agent = agents.lock(c, instance.agentId());
            if (agent == null || agent.lease != instance.lease() || agent.status != AgentStatus.ACTIVE) {
                return null;
            }
            Instant now = clock.instant();
            AgentDefinition<?> definition = registry.named(agent.name);
            List<JournalStore.Draft> entries = new ArrayList<>();
            if (piece.memory != null) {
                entries.addAll(piece.memory.drafts());
            }
            if (piece.heartbeat) {
                agent.nextHeartbeatAt = AgentTurn.nextHeartbeat(agent, definition, now);
                agent.updatedAt = now;
                agents.update(c, agent);
                entries.add(new JournalStore.Draft(JournalKind.FAILED, "the heartbeat failed: " + error
                        + "; the next one is at " + agent.nextHeartbeatAt));
                LOG.warn("The heartbeat of {} failed: {}", agent, error);
            } else {
                String handlerName = piece.items.get(0).handler();
                AgentHandler handler = AgentRegistry.handler(definition, handlerName);
                RetryPolicy retry = handler.retry();
                int attempts = piece.items.get(0).attempts() + 1;
                if (retry.allowsAttemptAfter(attempts) && retry.retries(cause)) {
                    Instant retryAt = now.plus(retry.delayAfter(attempts));
                    for (InboxStore.Item item : piece.items) {
                        inbox.retry(c, item.id(), attempts, error, retryAt, now);
                    }
                    entries.add(new JournalStore.Draft(JournalKind.FAILED, handlerName + " failed (attempt " + attempts
                            + " of " + retry.maxAttempts() + "): " + error + "; it runs again at " + retryAt));
                    LOG.warn("{} of {} failed (attempt {} of {}), retrying at {}: {}", handlerName, agent, attempts,
                            retry.maxAttempts(), retryAt, error);
                } else {
                    for (InboxStore.Item item : piece.items) {
                        inbox.close(c, item.id(), InboxStore.Status.FAILED, attempts, error, now);
                    }
                    entries.add(new JournalStore.Draft(JournalKind.FAILED, handlerName + " failed after " + attempts
                            + (attempts == 1 ? " attempt: " : " attempts: ") + error + "; the context keeps its"
                            + " previous state"));
                    LOG.error("{} of {} failed for good after {} attempts", handlerName, agent, attempts, cause);
                }
            }
            journal.append(c, agent.id, entries, now);
            return null;
        });
    }
}
