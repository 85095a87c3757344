package dev.aifirst.processor.workflows;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.aifirst.processor.workflows.WorkflowModel.StepModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Which steps each step can lead to, read from the step methods' source: every mention of a step
 * constant ({@code SmartLockSetupSteps.SEND_TO_LOCK}, or {@code SEND_TO_LOCK} statically imported)
 * is an edge, and so is {@code onTimeout}. Used for the unreachable-step warning only; a compiler
 * without the source tree API (not javac) skips it.
 */
final class StepGraph {

    private StepGraph() {
    }

    /** The steps no path from the start step leads to, or empty if the source cannot be read. */
    static Optional<Set<String>> unreachable(ProcessingEnvironment env, TypeElement type, WorkflowModel model) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException | NoClassDefFoundError e) {
            return Optional.empty();
        }
        Map<String, String> methodByConstant = new HashMap<>();
        for (StepModel step : model.stepModels()) {
            methodByConstant.put(step.constant(), step.method());
        }
        String stepsEnum = model.steps().simpleName();
        Map<String, Set<String>> edges = new HashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String name = method.getSimpleName().toString();
            if (!methodByConstant.containsValue(name)) {
                continue;
            }
            MethodTree tree = trees.getTree(method);
            if (tree == null) {
                return Optional.empty();
            }
            Set<String> targets = edges.computeIfAbsent(name, n -> new HashSet<>());
            tree.accept(new TreeScanner<Void, Void>() {
                @Override
                public Void visitMemberSelect(MemberSelectTree select, Void unused) {
                    String owner = select.getExpression().toString();
                    String constant = select.getIdentifier().toString();
                    if ((owner.equals(stepsEnum) || owner.endsWith("." + stepsEnum)) && methodByConstant.containsKey(constant)) {
                        targets.add(methodByConstant.get(constant));
                    }
                    return super.visitMemberSelect(select, unused);
                }

                @Override
                public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                    String constant = identifier.getName().toString();
                    if (methodByConstant.containsKey(constant)) {
                        targets.add(methodByConstant.get(constant));
                    }
                    return null;
                }
            }, null);
        }
        for (StepModel step : model.stepModels()) {
            if (step.waitForEvent() != null && step.waitForEvent().onTimeout() != null) {
                edges.computeIfAbsent(step.method(), n -> new HashSet<>()).add(step.waitForEvent().onTimeout());
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> work = new ArrayDeque<>(List.of(model.startStep().method()));
        while (!work.isEmpty()) {
            String step = work.pop();
            if (reached.add(step)) {
                work.addAll(edges.getOrDefault(step, Set.of()));
            }
        }
        Set<String> unreachable = new LinkedHashSet<>();
        for (StepModel step : model.stepModels()) {
            if (!reached.contains(step.method())) {
                unreachable.add(step.method());
            }
        }
        return Optional.of(unreachable);
    }
}
