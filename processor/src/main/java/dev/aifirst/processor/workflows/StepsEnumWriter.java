package dev.aifirst.processor.workflows;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.aifirst.processor.workflows.WorkflowModel.StepModel;
import javax.lang.model.element.Modifier;

/** Writes a workflow's {@code <Name>Steps} enum. */
final class StepsEnumWriter {

    private static final ClassName WORKFLOW_STEP = ClassName.get("dev.aifirst.workflows", "WorkflowStep");

    private final WorkflowModel model;
    private final AnnotationSpec generated;

    StepsEnumWriter(WorkflowModel model, AnnotationSpec generated) {
        this.model = model;
        this.generated = generated;
    }

    /**
     * The enum of the steps, so that {@code goTo} takes only a workflow's steps; that they are this
     * workflow's own is checked by {@link StepTargetsScanner}.
     */
    TypeSpec write() {
        TypeSpec.Builder steps = TypeSpec.enumBuilder(model.steps())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(WORKFLOW_STEP)
                .addJavadoc("The steps of {@link $T}, for {@code goTo($T.$L)}; generated from its {@code @Step} methods.\n",
                        model.workflow(), model.steps(), model.stepModels().get(model.stepModels().size() - 1).constant());
        if (generated != null) {
            steps.addAnnotation(generated);
        }
        for (StepModel step : model.stepModels()) {
            steps.addEnumConstant(step.constant(), TypeSpec.anonymousClassBuilder("$S", step.method())
                    .addJavadoc("{@link $T#$L}$L\n", model.workflow(), step.method(), step.start() ? ", the start step" : "")
                    .build());
        }
        steps.addField(String.class, "stepName", Modifier.PRIVATE, Modifier.FINAL);
        steps.addMethod(MethodSpec.constructorBuilder()
                .addParameter(String.class, "stepName")
                .addStatement("this.stepName = stepName")
                .build());
        steps.addMethod(MethodSpec.methodBuilder("stepName")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return stepName")
                .build());
        return steps.build();
    }
}
