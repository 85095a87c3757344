package dev.aifirst.internal.agents;

import dev.aifirst.agents.AgentMemory;
import dev.aifirst.agents.JournalEntry;
import dev.aifirst.agents.JournalKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link AgentMemory} of one handler or heartbeat call: entries are collected here and written
 * with the call's outcome, so the journal and the context commit together.
 */
final class Memory implements AgentMemory {

    private final String agentId;
    private final Connection connection;
    private final JournalStore journal;
    private final Instant now;
    private final List<JournalStore.Draft> drafts = new ArrayList<>();

    Memory(String agentId, Connection connection, JournalStore journal, Instant now) {
        this.agentId = agentId;
        this.connection = connection;
        this.journal = journal;
        this.now = now;
    }

    @Override
    public String agentId() {
        return agentId;
    }

    @Override
    public void think(String thought) {
        add(JournalKind.THOUGHT, thought);
    }

    @Override
    public void decide(String decision) {
        add(JournalKind.DECISION, decision);
    }

    @Override
    public void sent(String recipient, String message) {
        Objects.requireNonNull(recipient, "recipient");
        add(JournalKind.MESSAGE, "to " + recipient + ": " + message);
    }

    @Override
    public List<JournalEntry> recent(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("recent(count) reads at least one entry, not " + count);
        }
        List<JournalEntry> entries = new ArrayList<>();
        try {
            entries.addAll(journal.latest(connection, agentId, count));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal of agent " + agentId, e);
        }
        for (JournalStore.Draft draft : drafts) {
            entries.add(new JournalEntry(0, agentId, draft.kind(), draft.text(), now));
        }
        return List.copyOf(entries.subList(Math.max(0, entries.size() - count), entries.size()));
    }

    /** The entries of this call, in order, to write with its outcome. */
    List<JournalStore.Draft> drafts() {
        return List.copyOf(drafts);
    }

    private void add(JournalKind kind, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a journal entry says something, not '" + text + "'");
        }
        drafts.add(new JournalStore.Draft(kind, text));
    }
}
