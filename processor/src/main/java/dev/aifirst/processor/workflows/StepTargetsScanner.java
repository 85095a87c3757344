package dev.aifirst.processor.workflows;

import com.palantir.javapoet.ClassName;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Location;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks that each {@code @Step} method of a workflow goes only to its own workflow's steps. The
 * factories of {@code dev.aifirst.Flow} take any {@code WorkflowStep}, so {@code goTo(CleaningSteps.SCRUB)}
 * in a step of {@code Checkout} would compile and fail only when a run got there; this scanner reads
 * the step methods' bodies with the compiler's tree API and reports such a step on the argument.
 *
 * <p>It looks at the calls of {@code goTo} (its first argument), {@code waitForSignal} and
 * {@code runSubflow} (their third) that resolve to the static methods of {@code dev.aifirst.Flow},
 * whatever they are called through, and at an argument that names an enum constant, such as
 * {@code CleaningSteps.SCRUB} or a statically imported {@code SCRUB}. The workflow's own enum is
 * generated from this very class, so it may not exist yet: it is recognised by its qualified name.
 */
final class StepTargetsScanner extends TreePathScanner<Void, Void> {

    private static final String WORKFLOW_STEP = "dev.aifirst.workflows.WorkflowStep";
    /** The checked factories of {@code Flow}, with the index of their step argument. */
    private static final Map<String, Integer> STEP_ARGUMENT = Map.of("goTo", 0, "waitForSignal", 2, "runSubflow", 2);

    private final Trees trees;
    private final Elements elements;
    private final TypeElement workflow;
    private final ClassName ownSteps;
    private final List<String> ownConstants;
    private final ValidationReport report;
    private ExecutableElement step;

    private StepTargetsScanner(Trees trees, Elements elements, TypeElement workflow, ValidationReport report) {
        this.trees = trees;
        this.elements = elements;
        this.workflow = workflow;
        this.ownSteps = stepsEnum(ClassName.get(workflow));
        this.ownConstants = stepConstants(workflow);
        this.report = report;
    }

    /** Reports to {@code report} every step of {@code workflow} that goes to a step of another workflow. */
    static void check(ProcessingEnvironment env, TypeElement workflow, ValidationReport report) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException | LinkageError e) {
            // Not javac (ECJ, for one), or javac behind a wrapper: without the tree API the bodies cannot
            // be read, so the check is skipped, silently; javac gives it to every build that uses it.
            return;
        }
        StepTargetsScanner scanner = new StepTargetsScanner(trees, env.getElementUtils(), workflow, report);
        for (ExecutableElement method : ElementFilter.methodsIn(workflow.getEnclosedElements())) {
            TreePath path = trees.getPath(method);
            if (Annotations.find(method, WorkflowReader.STEP).isPresent() && path != null) {
                scanner.step = method;
                scanner.scan(path, null);
            }
        }
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        String name = switch (call.getMethodSelect().getKind()) {
            case IDENTIFIER -> ((IdentifierTree) call.getMethodSelect()).getName().toString();
            case MEMBER_SELECT -> ((MemberSelectTree) call.getMethodSelect()).getIdentifier().toString();
            default -> "";
        };
        Integer index = STEP_ARGUMENT.get(name);
        if (index != null && index < call.getArguments().size() && isFlowFactory(trees.getElement(getCurrentPath()))) {
            ExpressionTree argument = call.getArguments().get(index);
            // Only a constant named in the call is checked: a variable, a method's result or a
            // conditional holds a step that is known only when the step runs.
            if (argument.getKind() == Tree.Kind.IDENTIFIER || argument.getKind() == Tree.Kind.MEMBER_SELECT) {
                check(name, new TreePath(getCurrentPath(), argument));
            }
        }
        return super.visitMethodInvocation(call, unused);
    }

    private static boolean isFlowFactory(Element invoked) {
        return invoked != null && invoked.getKind() == ElementKind.METHOD && invoked.getModifiers().contains(Modifier.STATIC)
                && invoked.getEnclosingElement() instanceof TypeElement owner
                && owner.getQualifiedName().contentEquals(WorkflowReader.FLOW);
    }

    private void check(String call, TreePath argument) {
        Element target = trees.getElement(argument);
        TypeMirror type = trees.getTypeMirror(argument);
        Optional<ClassName> stepsEnum;
        String constant;
        if (target != null && target.getKind() == ElementKind.ENUM_CONSTANT) {
            TypeElement owner = (TypeElement) target.getEnclosingElement();
            stepsEnum = isStepsEnum(owner) ? Optional.of(ClassName.get(owner)) : Optional.empty();
            constant = target.getSimpleName().toString();
        } else if (target == null || type == null || type.getKind() == TypeKind.ERROR) {
            constant = argument.getLeaf() instanceof MemberSelectTree select
                    ? select.getIdentifier().toString() : ((IdentifierTree) argument.getLeaf()).getName().toString();
            stepsEnum = generatedStepsEnum(argument, constant);
        } else {
            return; // a local variable, a field, a parameter: not a constant, see above
        }
        if (stepsEnum.isEmpty() || stepsEnum.get().equals(ownSteps)) {
            return;
        }
        ClassName other = stepsEnum.get();
        String otherPrefix = other.simpleName().substring(0, other.simpleName().length() - "Steps".length());
        String otherWorkflow = otherPrefix.replace('_', '.');
        String ownList = ownConstants.stream().map(c -> ownSteps.simpleName() + "." + c).collect(Collectors.joining(", "));
        Tree leaf = argument.getLeaf();
        CompilationUnitTree unit = argument.getCompilationUnit();
        report.add(Message.STEP_OF_ANOTHER_WORKFLOW,
                Location.of(step, (kind, text) -> trees.printMessage(kind, text, leaf, unit)),
                step.getSimpleName(), workflow.getSimpleName(), other.simpleName() + "." + constant, call, ownList,
                otherWorkflow, ownSteps.simpleName() + "." + Names.constant("after_" + otherPrefix));
    }

    /** Whether {@code type} is the enum the processor generates for a workflow's steps. */
    private static boolean isStepsEnum(TypeElement type) {
        return type.getKind() == ElementKind.ENUM && type.getSimpleName().toString().endsWith("Steps")
                && type.getInterfaces().stream().anyMatch(i -> StepReader.isType(i, WORKFLOW_STEP));
    }

    /**
     * The enum that an argument javac cannot resolve yet names, when it is the steps enum of a workflow
     * of this compilation and {@code constant} is one of its steps: that enum is generated in this
     * round, so that {@code CleaningSteps.SCRUB} is resolved only in the next. Which enum the argument
     * means is read from the source as javac would: a qualified name; a simple name imported, or of this
     * package, or of a package imported on demand; a constant imported statically.
     */
    private Optional<ClassName> generatedStepsEnum(TreePath argument, String constant) {
        List<String> candidates = new ArrayList<>();
        CompilationUnitTree unit = argument.getCompilationUnit();
        List<MemberSelectTree> imports = new ArrayList<>();
        List<MemberSelectTree> staticImports = new ArrayList<>();
        for (ImportTree imported : unit.getImports()) {
            if (imported.getQualifiedIdentifier() instanceof MemberSelectTree name) {
                (imported.isStatic() ? staticImports : imports).add(name);
            }
        }
        if (argument.getLeaf() instanceof MemberSelectTree select) {
            String qualifier = select.getExpression().toString();
            if (qualifier.contains(".")) {
                candidates.add(qualifier);
            } else {
                imports.stream().filter(name -> name.getIdentifier().contentEquals(qualifier))
                        .forEach(name -> candidates.add(name.toString()));
                candidates.add(unit.getPackageName() == null ? qualifier : unit.getPackageName() + "." + qualifier);
                imports.stream().filter(name -> name.getIdentifier().contentEquals("*"))
                        .forEach(name -> candidates.add(name.getExpression() + "." + qualifier));
            }
        } else {
            staticImports.stream()
                    .filter(name -> name.getIdentifier().contentEquals(constant) || name.getIdentifier().contentEquals("*"))
                    .forEach(name -> candidates.add(name.getExpression().toString()));
        }
        for (String candidate : candidates) {
            if (candidate.equals(ownSteps.canonicalName())) {
                return Optional.empty();
            }
            Optional<TypeElement> other = workflowOf(candidate);
            if (other.isPresent() && stepConstants(other.get()).contains(constant)) {
                return Optional.of(stepsEnum(ClassName.get(other.get())));
            }
        }
        return Optional.empty();
    }

    /** The {@code @Workflow} class whose steps enum is named {@code stepsEnum}, if there is one. */
    private Optional<TypeElement> workflowOf(String stepsEnum) {
        int dot = stepsEnum.lastIndexOf('.');
        String simpleName = stepsEnum.substring(dot + 1);
        if (!simpleName.endsWith("Steps")) {
            return Optional.empty();
        }
        String prefix = stepsEnum.substring(0, dot + 1);
        String workflowName = simpleName.substring(0, simpleName.length() - "Steps".length());
        // A nested workflow Outer.Inner has the enum Outer_InnerSteps.
        for (String name : List.of(prefix + workflowName.replace('_', '.'), prefix + workflowName)) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null && Annotations.find(type, WorkflowReader.WORKFLOW).isPresent()) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The enum generated for {@code workflow}'s steps, as {@code WorkflowReader} names it. */
    private static ClassName stepsEnum(ClassName workflow) {
        return ClassName.get(workflow.packageName(), String.join("_", workflow.simpleNames()) + "Steps");
    }

    /** The constants of the steps enum of {@code workflow}, in declaration order. */
    private static List<String> stepConstants(TypeElement workflow) {
        return ElementFilter.methodsIn(workflow.getEnclosedElements()).stream()
                .filter(m -> Annotations.find(m, WorkflowReader.STEP).isPresent())
                .map(m -> Names.constant(m.getSimpleName().toString())).toList();
    }
}
