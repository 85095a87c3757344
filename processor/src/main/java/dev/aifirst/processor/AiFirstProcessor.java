package dev.aifirst.processor;

import com.google.auto.service.AutoService;
import dev.aifirst.processor.agents.AgentsStep;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ProcessingContext;
import dev.aifirst.processor.base.ProcessingStep;
import dev.aifirst.processor.events.EventsStep;
import dev.aifirst.processor.handlers.OnEventStep;
import dev.aifirst.processor.workflows.WorkflowsStep;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The entry point javac calls. It only wires the {@link ProcessingStep}s, each of which builds a
 * validated model of one kind of declaration and generates code from that model; in the last round
 * it checks the event names the steps collected and writes the {@code META-INF/services} registries,
 * aggregating every round.
 */
@AutoService(Processor.class)
public final class AiFirstProcessor extends AbstractProcessor {

    private ProcessingContext context;
    private List<ProcessingStep> steps = List.of();

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        context = new ProcessingContext(processingEnv);
        // Every step, in the order they run: events first, since the others refer to them.
        steps = List.of(new EventsStep(context), new OnEventStep(context), new WorkflowsStep(context),
                new AgentsStep(context));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (ProcessingStep step : steps) {
            types.addAll(step.annotationTypes());
        }
        return types;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (ProcessingStep step : steps) {
            guarded(step.getClass().getSimpleName(), () -> step.process(round));
        }
        if (round.processingOver()) {
            for (ProcessingStep step : steps) {
                guarded(step.getClass().getSimpleName(), step::finish);
            }
            guarded("EventReferences", () -> context.eventReferences().check());
            guarded("ServiceRegistry", () -> context.services().write());
        }
        // Other processors may read our annotations too.
        return false;
    }

    /**
     * Runs one part, turning a defect of the processor into one readable error instead of a javac
     * stack trace, so the user's own diagnostics stay visible.
     */
    private void guarded(String part, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            context.diagnostics().report(Message.PROCESSOR_FAILED, part, e, where == null ? "" : " at " + where);
        }
    }
}
