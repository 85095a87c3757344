package dev.aifirst.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
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
    public static RetrySpec read(Elements elements, ValidationReport report, Element element, AnnotationMirror retry,
            boolean mayInherit) {
        int maxAttempts = Annotations.integer(elements, retry, "maxAttempts");
        boolean ok = true;
        if (maxAttempts == 0 && mayInherit) {
            return new RetrySpec(0, Duration.ZERO, 1.0, Duration.ZERO, true);
        }
        if (maxAttempts < 1) {
            report.reportOnValue(Message.RETRY_ATTEMPTS, element, retry, "maxAttempts", maxAttempts);
            ok = false;
        }
        Duration backoff = DurationSpec.read(elements, report, element, retry, "backoff", false);
        Duration maxBackoff = DurationSpec.read(elements, report, element, retry, "maxBackoff", false);
        double multiplier = Annotations.decimal(elements, retry, "multiplier");
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            report.reportOnValue(Message.RETRY_MULTIPLIER, element, retry, "multiplier", multiplier);
            ok = false;
        }
        if (backoff != null && maxBackoff != null && maxBackoff.compareTo(backoff) < 0) {
            report.reportOnValue(Message.RETRY_MAX_BACKOFF_SHORT, element, retry, "maxBackoff", maxBackoff, backoff);
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
