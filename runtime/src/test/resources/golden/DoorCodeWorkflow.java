package dev.aifirst.workflows.fixtures;

import dev.aifirst.Flow;
import dev.aifirst.events.EventContext;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.spi.ContextCodec;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.RetryPolicy;
import dev.aifirst.spi.StepDeclaration;
import dev.aifirst.spi.StepInputs;
import dev.aifirst.spi.WaitDeclaration;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.WorkflowFailure;
import dev.aifirst.workflows.WorkflowStep;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The state machine of the workflow {@code "door_code"} ({@link DoorCode}), generated from its annotations.
 *
 * <p>The runtime calls {@link #execute} for each step of a run; its switch calls the step
 * method directly, so a breakpoint there steps into your code.
 */
@Generated("dev.aifirst.processor.AiFirstProcessor")
public final class DoorCodeWorkflow implements WorkflowDefinition<DoorCode.Context> {
    public static final String NAME = "door_code";

    public static final int VERSION = 1;

    private static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(3, Duration.ofSeconds(2), 2.0, Duration.ofHours(1));

    private static final RetryPolicy SEND_TO_LOCK_RETRY = new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5));

    private static final List<StepDeclaration> STEPS = List.of(
            StepDeclaration.of(DoorCodeSteps.GENERATE_CODE, DEFAULT_RETRY, "Generate the door code"),
            StepDeclaration.of(DoorCodeSteps.SEND_TO_LOCK, SEND_TO_LOCK_RETRY, ""),
            StepDeclaration.of(DoorCodeSteps.GREET, DEFAULT_RETRY, "")
                    .waitingFor(WaitDeclaration.forEvent("stage_done:{stage}")
                            .timeout(Duration.ofHours(2), DoorCodeSteps.REMIND)),
            StepDeclaration.of(DoorCodeSteps.REMIND, DEFAULT_RETRY, ""));

    private static final ContextCodec<DoorCode.Context> CODEC = new ContextCodec<>(DoorCode.Context.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public Class<?> workflowType() {
        return DoorCode.class;
    }

    @Override
    public Class<DoorCode.Context> contextType() {
        return DoorCode.Context.class;
    }

    @Override
    public WorkflowStep startStep() {
        return DoorCodeSteps.GENERATE_CODE;
    }

    @Override
    public List<StepDeclaration> steps() {
        return STEPS;
    }

    @Override
    public WorkflowStep step(String name) {
        return switch (name) {
            case "generateCode" -> DoorCodeSteps.GENERATE_CODE;
            case "sendToLock" -> DoorCodeSteps.SEND_TO_LOCK;
            case "greet" -> DoorCodeSteps.GREET;
            case "remind" -> DoorCodeSteps.REMIND;
            default -> null;
        };
    }

    @Override
    public String triggerEvent() {
        return "checkin_due";
    }

    @Override
    public Class<?> triggerEntityType() {
        return Booking.class;
    }

    @Override
    public String triggerNamespace() {
        return "*";
    }

    @Override
    public Duration offset() {
        return Duration.ofHours(-1);
    }

    @Override
    public Duration debounce() {
        return Duration.ZERO;
    }

    @Override
    @SuppressWarnings("unchecked")
    public DoorCode.Context createContext(EventContext<?> event, Instances instances) {
        return DoorCode.createContext((EventContext<Booking>) event);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Flow execute(WorkflowStep step, DoorCode.Context context, StepInputs inputs,
            Instances instances) throws Exception {
        DoorCode workflow = instances.get(DoorCode.class, DoorCode::new);
        return switch ((DoorCodeSteps) step) {
            case GENERATE_CODE -> workflow.generateCode(context);
            case SEND_TO_LOCK -> workflow.sendToLock(context);
            case GREET -> workflow.greet(context, (EventContext<Booking>) inputs.event());
            case REMIND -> workflow.remind(context);
        };
    }

    @Override
    public void onFail(DoorCode.Context context, WorkflowFailure failure, Instances instances)
            throws Exception {
        DoorCode workflow = instances.get(DoorCode.class, DoorCode::new);
        workflow.cleanUp(context, failure);
    }

    @Override
    public Object matchValue(WorkflowStep waitStep, DoorCode.Context context) {
        // every @WaitForEvent of DoorCode waits for the run's own entity
        return null;
    }

    @Override
    public DoorCode.Context decodeContext(String json) {
        return CODEC.decode(json);
    }

    @Override
    public String encodeContext(DoorCode.Context context) {
        return CODEC.encode(context);
    }
}
