package dev.aifirst.spi;

import dev.aifirst.Flow;
import dev.aifirst.events.EventContext;
import dev.aifirst.workflows.WorkflowFailure;
import dev.aifirst.workflows.WorkflowStep;
import java.time.Duration;
import java.util.List;

/**
 * One {@code @Workflow} class, generated as {@code <Name>Workflow}: its declarations, and a state
 * machine that calls the step methods directly.
 *
 * @param <C> the workflow's context
 */
public interface WorkflowDefinition<C> {

    /** The workflow's name, stored with each run. */
    String name();

    /** The version of the workflow's code. */
    int version();

    /** The user's workflow class. */
    Class<?> workflowType();

    Class<C> contextType();

    /** The step a run begins with. */
    WorkflowStep startStep();

    /** The steps, the start step first. */
    List<StepDeclaration> steps();

    /** The step named {@code name}, or {@code null} if this version has none (a run of another version). */
    WorkflowStep step(String name);

    /** The event that starts runs; empty for a workflow started by hand. */
    String triggerEvent();

    /** The entity whose event starts runs; {@code null} for a workflow started by hand. */
    Class<?> triggerEntityType();

    /**
     * The rendered namespace whose occurrences of {@link #triggerEvent()} start runs, or {@code "*"}
     * for every namespace ({@code @Workflow(namespace)}).
     */
    String triggerNamespace();

    /** When a run starts relative to its event's date. */
    Duration offset();

    /** The window in which events for one entity start one run; {@link Duration#ZERO} for none. */
    Duration debounce();

    /** The context of a run started by {@code event}: the user's {@code createContext}. */
    C createContext(EventContext<?> event, Instances instances) throws Exception;

    /** Runs one step: calls the user's method. */
    Flow execute(WorkflowStep step, C context, StepInputs inputs, Instances instances) throws Exception;

    /** Runs the {@code @OnFail} method, if the workflow has one. */
    void onFail(C context, WorkflowFailure failure, Instances instances) throws Exception;

    /**
     * The value of the {@code @Match(context)} property of {@code waitStep}'s {@code @WaitForEvent},
     * or {@code null} when the step waits for the run's own entity.
     */
    Object matchValue(WorkflowStep waitStep, C context);

    C decodeContext(String json);

    String encodeContext(C context);
}
