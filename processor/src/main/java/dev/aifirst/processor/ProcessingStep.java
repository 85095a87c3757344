package dev.aifirst.processor;

import dev.aifirst.processor.events.EventsStep;
import dev.aifirst.processor.handlers.OnEventStep;
import dev.aifirst.processor.workflows.WorkflowsStep;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;

/**
 * One kind of declaration the processor handles (events, workflows, ...). A step builds a model of
 * the annotated elements, validates it (reporting every problem on the element at fault), and
 * generates code only for elements whose validation passed.
 *
 * <p>A step defers an element whose types are not resolved yet (because another processor generates
 * them in a later round) and retries it in the next round; {@link #finish()} reports what is still
 * unresolved in the last round.
 */
public interface ProcessingStep {

    /** The canonical names of the annotations this step reads. */
    Set<String> annotationTypes();

    /** Processes one round: the elements annotated in it plus those deferred from earlier rounds. */
    void process(RoundEnvironment round);

    /** Called once, in the last round: report deferred elements and cross-class checks. */
    void finish();

    /** Every step, in the order they run. Add new steps here. */
    static List<ProcessingStep> all(ProcessingContext context) {
        return List.of(new EventsStep(context), new OnEventStep(context), new WorkflowsStep(context));
    }
}
