package dev.aifirst.internal.workflows;

import dev.aifirst.internal.deployment.Deployment;
import dev.aifirst.spi.StepDeclaration;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.WorkflowStep;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workflows the compilation declared and the runtime deploys: their generated definitions, by
 * name and by class.
 */
final class WorkflowRegistry {

    private final Map<String, WorkflowDefinition<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, WorkflowDefinition<?>> byType = new LinkedHashMap<>();
    /** Workflows on the class path that the runtime was told not to deploy. */
    private final Set<Class<?>> leftOut = new HashSet<>();
    /** The events some step waits for (declared names, templates, renderings). */
    private final Set<String> awaitedEvents = new HashSet<>();

    @SuppressWarnings("rawtypes")
    WorkflowRegistry(Deployment deployment) {
        for (WorkflowDefinition definition : deployment.registrations(WorkflowDefinition.class)) {
            if (!deployment.includes(definition.workflowType().getName())) {
                leftOut.add(definition.workflowType());
                continue;
            }
            WorkflowDefinition<?> previous = byName.putIfAbsent(definition.name(), definition);
            if (previous != null) {
                throw new IllegalStateException("Two workflows are named '" + definition.name() + "': "
                        + previous.workflowType().getName() + " and " + definition.workflowType().getName());
            }
            byType.put(definition.workflowType(), definition);
            for (StepDeclaration step : (List<StepDeclaration>) definition.steps()) {
                if (step.waitForEvent() != null) {
                    awaitedEvents.add(step.waitForEvent().event());
                }
            }
        }
    }

    Collection<WorkflowDefinition<?>> definitions() {
        return byName.values();
    }

    /** The deployed workflow named {@code name}, or {@code null}. */
    WorkflowDefinition<?> named(String name) {
        return byName.get(name);
    }

    /** The definition of {@code workflowClass}; a clear error if it is not a deployed workflow. */
    WorkflowDefinition<?> of(Class<?> workflowClass) {
        WorkflowDefinition<?> definition = byType.get(workflowClass);
        if (definition == null && leftOut.contains(workflowClass)) {
            throw new IllegalArgumentException(workflowClass.getName() + " is not deployed in this runtime:"
                    + " AiFirst.builder().only(...) leaves it out");
        }
        if (definition == null) {
            throw new IllegalArgumentException(workflowClass.getName() + " is not a deployed @Workflow (is the"
                    + " processor on the compiler's annotationProcessorPaths?)");
        }
        return definition;
    }

    /** Whether a step of some workflow waits for an event with this declared or rendered name. */
    boolean awaits(String name, String declaredName) {
        return awaitedEvents.contains(name) || awaitedEvents.contains(declaredName);
    }

    boolean awaitsAnyEvent() {
        return !awaitedEvents.isEmpty();
    }

    /** The declaration of one step of {@code definition}. */
    static StepDeclaration declarationOf(WorkflowDefinition<?> definition, WorkflowStep step) {
        for (StepDeclaration declaration : definition.steps()) {
            if (declaration.step() == step) {
                return declaration;
            }
        }
        throw new IllegalStateException(definition.name() + " declares no step " + step.stepName());
    }
}
