package dev.aifirst.internal.workflows;

import dev.aifirst.internal.events.ClaimHolders;
import dev.aifirst.internal.events.EventRegistry;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.workflows.StepContext;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link StepContext} of one step execution, and the holder of the claims its step asks for:
 * they are collected here and take effect with the step's transition.
 */
final class RunStepContext implements StepContext, ClaimHolders.Holder {

    private final RunRow run;
    private final Database database;
    private final RunStore store;
    private final EventRegistry events;
    private final ChatModel chatModel;
    private final Clock clock;
    private final List<ClaimChange> claimChanges = new ArrayList<>();

    RunStepContext(RunRow run, Database database, RunStore store, EventRegistry events, ChatModel chatModel,
            Clock clock) {
        this.run = run;
        this.database = database;
        this.store = store;
        this.events = events;
        this.chatModel = chatModel;
        this.clock = clock;
    }

    /** The claims the step took or released, in order. */
    List<ClaimChange> claimChanges() {
        return claimChanges;
    }

    @Override
    public String runId() {
        return run.id;
    }

    @Override
    public String step() {
        return run.step;
    }

    @Override
    public int attempt() {
        return run.attempt;
    }

    @Override
    public ChatModel chatModel() {
        if (chatModel == null) {
            throw new IllegalStateException("step " + run.step + " of '" + run.workflow + "' needs a chat model:"
                    + " configure one with AiFirst.builder().chatModel(...)");
        }
        return chatModel;
    }

    @Override
    public void hold(String eventName, String match, Duration duration, Integer occurrences) {
        if (!events.declaresEvent(eventName)) {
            throw new IllegalArgumentException("Claims.hold: no entity declares an event '" + eventName
                    + "'; name it with a constant of a generated <Entity>Events class, or one of its renderings");
        }
        Instant expiresAt = duration == null ? null : clock.instant().plus(duration);
        claimChanges.add(new ClaimChange(eventName, match, expiresAt, occurrences, true));
    }

    @Override
    public void release(String eventName, String match) {
        claimChanges.add(new ClaimChange(eventName, match, null, null, false));
    }

    @Override
    public <T> T remember(String key, Class<T> type, Supplier<T> call) {
        String memoKey = run.step + ":" + key;
        MemoStore.Memo stored = database.inAutoCommit(c -> MemoStore.find(c, run.id, memoKey));
        if (stored != null) {
            return stored.json() == null ? null : Inputs.convert(stored.json(), type);
        }
        T value = call.get();
        database.inAutoCommit(c -> {
            MemoStore.add(c, run.id, memoKey, value == null ? null : Inputs.json(value), clock.instant());
            return null;
        });
        return value;
    }
}
