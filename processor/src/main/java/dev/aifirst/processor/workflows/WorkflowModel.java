package dev.aifirst.processor.workflows;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.aifirst.processor.model.RetrySpec;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The validated declaration of one {@code @Workflow} class.
 *
 * @param element the workflow class
 * @param workflow its name
 * @param steps the enum to generate
 * @param generated the state machine to generate
 * @param context the nested context class
 * @param name the workflow's name
 * @param version its version
 * @param on the event that starts a run, or empty
 * @param namespace the one namespace whose occurrences of {@code on} start runs, or {@code "*"} for every one
 * @param triggerEntity the entity of {@code createContext(EventContext<E>)}, or {@code null}
 * @param createContext whether the class declares {@code static Context createContext(EventContext<E>)}
 * @param offset the start offset
 * @param debounce the debounce window ({@code Duration.ZERO} for none)
 * @param retry the workflow's default retry policy
 * @param constructible whether generated code can create the class with its no-argument constructor
 * @param stepModels the steps in declaration order; the start step first
 * @param onFail the {@code @OnFail} method's name, or {@code null}
 */
record WorkflowModel(TypeElement element, ClassName workflow, ClassName steps, ClassName generated, ClassName context,
        String name, int version, String on, String namespace, ClassName triggerEntity, boolean createContext,
        Duration offset, Duration debounce, RetrySpec retry, boolean constructible, List<StepModel> stepModels,
        String onFail) {

    /** What a step method takes besides the context, in the order it declares them. */
    enum Input { EVENT, SIGNAL, SUBFLOW, STEP_CONTEXT }

    /**
     * One {@code @Step} method.
     *
     * @param method the method's name, stored as the step's name
     * @param constant the enum constant ({@code SEND_TO_LOCK})
     * @param start whether runs begin with it
     * @param isStatic whether the method is static
     * @param inputs its parameters after the context, with {@code eventEntity} for {@link Input#EVENT}
     * @param eventEntity the entity of its {@code EventContext<E>} parameter, or {@code null}
     * @param retry its retry policy (the workflow's unless it declares one)
     * @param display the display text
     * @param waitForEvent the {@code @WaitForEvent}, or {@code null}
     */
    record StepModel(String method, String constant, boolean start, boolean isStatic, List<Input> inputs,
            TypeName eventEntity, RetrySpec retry, String display, WaitModel waitForEvent) {
    }

    /**
     * A {@code @WaitForEvent}.
     *
     * @param event the event's name
     * @param timeout how long to wait, or {@code null} for no limit
     * @param onTimeout the step to go to after the timeout, or {@code null}
     * @param matchEntity the entity property of {@code @Match}, or {@code null} for the run's own entity
     * @param matchContext the context property of {@code @Match}, or {@code null}
     * @param matchContextAccessor how generated code reads it: {@code reservationId} or {@code getReservationId()}
     */
    record WaitModel(String event, Duration timeout, String onTimeout, String matchEntity, String matchContext,
            String matchContextAccessor) {
    }

    StepModel startStep() {
        return stepModels.stream().filter(StepModel::start).findFirst().orElseThrow();
    }
}
