package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs once when a run of the enclosing {@link Workflow} fails (a step's last attempt failed, or a
 * step returned {@code fail(reason)}): {@code void cleanUp(Context ctx, WorkflowFailure failure)}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface OnFail {
}
