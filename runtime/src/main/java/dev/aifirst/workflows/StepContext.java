package dev.aifirst.workflows;

import dev.langchain4j.model.chat.ChatModel;
import java.util.function.Supplier;

/** The execution of one step, for steps that take it as a parameter. */
public interface StepContext {

    String runId();

    /** The step's name. */
    String step();

    /** The attempt, 1 for the first. */
    int attempt();

    /** The model configured with {@code AiFirst.builder().chatModel(...)}; fails clearly if none was. */
    ChatModel chatModel();

    /**
     * Runs {@code call} once per run and key, and commits its value right away: a retry of the step,
     * or a crash after the call, gets the remembered value instead of calling again. Use it around
     * calls to a language model or another service that should not be repeated.
     */
    <T> T remember(String key, Class<T> type, Supplier<T> call);
}
