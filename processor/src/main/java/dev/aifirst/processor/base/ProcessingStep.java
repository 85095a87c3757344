package dev.aifirst.processor.base;

import java.util.Set;
import javax.annotation.processing.RoundEnvironment;

/**
 * One kind of declaration the processor handles (events, workflows, ...). A step builds a model of
 * the annotated elements, validates it (reporting every problem on the element at fault), and
 * generates code only for elements whose validation passed. Most steps extend {@link DeferringStep},
 * which defers elements whose types are not generated yet.
 */
public interface ProcessingStep {

    /** The canonical names of the annotations this step reads. */
    Set<String> annotationTypes();

    /** Processes one round: the elements annotated in it plus those deferred from earlier rounds. */
    void process(RoundEnvironment round);

    /** Called once, in the last round, after every round was processed. */
    default void finish() {
    }
}
