package dev.aifirst.processor;

import com.google.auto.service.AutoService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The entry point javac calls. It only wires the {@link ProcessingStep}s, each of which builds a
 * validated model of one kind of declaration and generates code from that model; and it writes the
 * {@code META-INF/services} registries once, in the last round, aggregating every round.
 */
@AutoService(Processor.class)
public final class AiFirstProcessor extends AbstractProcessor {

    private List<ProcessingStep> steps = List.of();
    private ServiceRegistry services;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        services = new ServiceRegistry(processingEnv);
        ProcessingContext context = new ProcessingContext(processingEnv, services);
        steps = ProcessingStep.all(context);
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
            guarded(step, () -> step.process(round));
        }
        if (round.processingOver()) {
            for (ProcessingStep step : steps) {
                guarded(step, step::finish);
            }
            services.write();
        }
        // Other processors may read our annotations too.
        return false;
    }

    /**
     * Runs one step, turning a defect of the processor into one readable error instead of a javac
     * stack trace, so the user's own diagnostics stay visible.
     */
    private void guarded(ProcessingStep step, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "aifirst-processor failed in "
                    + step.getClass().getSimpleName() + ": " + e + (where == null ? "" : " at " + where)
                    + ". Please report this with the annotated class that caused it.");
        }
    }
}
