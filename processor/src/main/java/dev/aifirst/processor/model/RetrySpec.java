package dev.aifirst.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.aifirst.processor.Annotations;
import dev.aifirst.processor.Diagnostics;
import java.time.Duration;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * A validated {@code @Retry}.
 *
 * @param inherit whether {@code maxAttempts} is {@code Retry.INHERIT} (a step taking its workflow's policy)
 */
public record RetrySpec(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff, boolean inherit) {

    public static final ClassName RETRY_POLICY = ClassName.get("dev.aifirst.spi", "RetryPolicy");

    /**
     * Reads and checks one {@code @Retry} mirror, reporting problems on its members.
     *
     * @param mayInherit whether {@code maxAttempts = Retry.INHERIT} is allowed here
     * @return the policy, or {@code null} after reporting an error
     */
    public static RetrySpec read(Elements elements, Diagnostics diagnostics, Element element, AnnotationMirror retry,
            boolean mayInherit) {
        int maxAttempts = Annotations.integer(elements, retry, "maxAttempts");
        boolean ok = true;
        if (maxAttempts == 0 && mayInherit) {
            return new RetrySpec(0, Duration.ZERO, 1.0, Duration.ZERO, true);
        }
        if (maxAttempts < 1) {
            diagnostics.error(element, retry, "maxAttempts",
                    "@Retry maxAttempts must be at least 1 (the first attempt counts), was " + maxAttempts);
            ok = false;
        }
        Duration backoff = DurationSpec.read(elements, diagnostics, element, retry, "backoff", false);
        Duration maxBackoff = DurationSpec.read(elements, diagnostics, element, retry, "maxBackoff", false);
        double multiplier = Annotations.decimal(elements, retry, "multiplier");
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            diagnostics.error(element, retry, "multiplier",
                    "@Retry multiplier must be a finite number of at least 1.0, was " + multiplier);
            ok = false;
        }
        if (backoff != null && maxBackoff != null && maxBackoff.compareTo(backoff) < 0) {
            diagnostics.error(element, retry, "maxBackoff",
                    "@Retry maxBackoff " + maxBackoff + " is shorter than backoff " + backoff);
            ok = false;
        }
        if (!ok || backoff == null || maxBackoff == null) {
            return null;
        }
        return new RetrySpec(maxAttempts, backoff, multiplier, maxBackoff, false);
    }

    /** {@code new RetryPolicy(...)} for generated code. */
    public CodeBlock newPolicy() {
        return CodeBlock.of("new $T($L, $L, $L, $L)", RETRY_POLICY, maxAttempts, DurationSpec.code(backoff),
                multiplier, DurationSpec.code(maxBackoff));
    }

}
