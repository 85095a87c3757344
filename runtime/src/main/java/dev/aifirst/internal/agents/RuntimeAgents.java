package dev.aifirst.internal.agents;

import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import dev.aifirst.agents.AgentRecord;
import dev.aifirst.agents.AgentStatus;
import dev.aifirst.agents.Agents;
import dev.aifirst.agents.JournalEntry;
import dev.aifirst.internal.persistence.Pages;
import dev.aifirst.spi.AgentDefinition;
import java.util.List;
import java.util.Objects;

/** {@code runtime.agents()}: each call one transaction, then a wake-up of the scheduler. */
public final class RuntimeAgents implements Agents {

    private final AgentEngine engine;

    public RuntimeAgents(AgentEngine engine) {
        this.engine = engine;
    }

    @Override
    public String spawn(Class<?> agentClass, Object context) {
        AgentDefinition<?> definition = engine.registry().of(agentClass);
        Objects.requireNonNull(context, "context");
        if (!definition.contextType().isInstance(context)) {
            throw new IllegalArgumentException("The context of " + agentClass.getSimpleName() + " is a "
                    + definition.contextType().getName() + ", not a " + context.getClass().getName());
        }
        String id = engine.database().inTransaction(c -> engine.lifecycle()
                .spawn(c, definition, context, null, null, "spawned by hand", engine.clock().instant()).agent().id);
        engine.wakeUp();
        return id;
    }

    @Override
    public boolean finish(String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        boolean finished = engine.database().inTransaction(c -> {
            AgentRow agent = engine.agents().lock(c, agentId);
            if (agent == null || agent.status != AgentStatus.ACTIVE) {
                return false;
            }
            engine.lifecycle().finish(c, agent, "finished by runtime.agents().finish", engine.clock().instant());
            return true;
        });
        engine.wakeUp();
        return finished;
    }

    @Override
    public AgentRecord find(String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        AgentRow agent = engine.database().inAutoCommit(c -> engine.agents().find(c, agentId));
        return agent == null ? null : agent.toRecord();
    }

    @Override
    public Page<AgentRecord> list(String name, AgentStatus status, PageRequest page) {
        Objects.requireNonNull(page, "page");
        Pages.TimeKey after = Pages.afterTime(page);
        List<AgentRow> rows = engine.database().inAutoCommit(c -> engine.agents().list(c, name, status, after,
                page.limit() + 1));
        Page<AgentRow> rowPage = Pages.of(rows, page, AgentStore::cursorOf);
        return new Page<>(rowPage.items().stream().map(AgentRow::toRecord).toList(), rowPage.nextCursor(), page.limit());
    }

    @Override
    public Page<JournalEntry> journal(String agentId, PageRequest page) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(page, "page");
        long after = Pages.afterId(page);
        List<JournalEntry> entries = engine.database().inAutoCommit(c -> engine.journal().page(c, agentId, after,
                page.limit() + 1));
        return Pages.of(entries, page, entry -> Pages.idCursor(entry.id()));
    }

}
