package dev.aifirst.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Location;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * A validated {@code @Retry}.
 *
 * @param nonRetryable the classes of failures that fail at once, as written
 * @param retryOn the classes of failures that alone are retried, as written; empty for all
 * @param inherit whether {@code maxAttempts} is {@code Retry.INHERIT} (a step taking its workflow's policy)
 */
public record RetrySpec(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff,
        List<ClassName> nonRetryable, List<ClassName> retryOn, boolean inherit) {

    public static final ClassName RETRY_POLICY = ClassName.get("dev.aifirst.spi", "RetryPolicy");

    /** The {@code @Retry} members that name classes of exceptions. */
    private static final List<String> CLASS_MEMBERS = List.of("nonRetryable", "retryOn");

    public RetrySpec {
        nonRetryable = List.copyOf(nonRetryable);
        retryOn = List.copyOf(retryOn);
    }

    /** A policy that retries every failure. */
    public RetrySpec(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff) {
        this(maxAttempts, backoff, multiplier, maxBackoff, List.of(), List.of(), false);
    }

    /**
     * Whether the classes that the {@code retry} member of {@code annotation} names are resolved: an
     * exception class generated in a later round is not yet, and the class that names it is deferred.
     */
    public static boolean isResolved(AnnotationMirror annotation) {
        AnnotationValue retry = Annotations.explicitValue(annotation, "retry");
        if (retry == null || !(retry.getValue() instanceof AnnotationMirror mirror)) {
            return true;
        }
        for (String member : CLASS_MEMBERS) {
            AnnotationValue classes = Annotations.explicitValue(mirror, member);
            if (classes == null) {
                continue;
            }
            if (!(classes.getValue() instanceof List<?> values)) {
                return false;
            }
            for (Object value : values) {
                if (typeOf((AnnotationValue) value) == null) {
                    return false;
                }
            }
        }
        return true;
    }

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
            for (String member : CLASS_MEMBERS) {
                if (!Annotations.array(elements, retry, member).isEmpty()) {
                    report.reportOnValue(Message.RETRY_CLASSES_INHERITED, element, retry, member, member);
                    ok = false;
                }
            }
            return ok ? new RetrySpec(0, Duration.ZERO, 1.0, Duration.ZERO, List.of(), List.of(), true) : null;
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
        Map<ClassName, AnnotationValue> nonRetryable = classes(elements, retry, "nonRetryable");
        Map<ClassName, AnnotationValue> retryOn = classes(elements, retry, "retryOn");
        for (Map.Entry<ClassName, AnnotationValue> retried : retryOn.entrySet()) {
            if (nonRetryable.containsKey(retried.getKey())) {
                report.add(Message.RETRY_CLASS_IN_BOTH_LISTS, new Location(element, retry, retried.getValue()),
                        retried.getKey().canonicalName());
                ok = false;
            }
        }
        if (!ok || backoff == null || maxBackoff == null) {
            return null;
        }
        return new RetrySpec(maxAttempts, backoff, multiplier, maxBackoff, List.copyOf(nonRetryable.keySet()),
                List.copyOf(retryOn.keySet()), false);
    }

    /**
     * The classes an array-valued {@code Class<? extends Throwable>[]} member names, in the order
     * written, once each, with the value that names each. A class that is still unresolved in the last
     * round is left out: javac reports it as a missing symbol.
     */
    private static Map<ClassName, AnnotationValue> classes(Elements elements, AnnotationMirror retry, String member) {
        Map<ClassName, AnnotationValue> classes = new LinkedHashMap<>();
        for (AnnotationValue value : Annotations.array(elements, retry, member)) {
            TypeElement type = typeOf(value);
            if (type != null) {
                classes.putIfAbsent(ClassName.get(type), value);
            }
        }
        return classes;
    }

    /**
     * The class a class literal names, or {@code null} when javac has not resolved it: it reads an
     * unresolved literal as the text {@code <error>}, or as an error type.
     */
    private static TypeElement typeOf(AnnotationValue value) {
        if (value.getValue() instanceof TypeMirror type && Resolution.isResolved(type)
                && type instanceof DeclaredType declared) {
            return (TypeElement) declared.asElement();
        }
        return null;
    }

    /**
     * {@code new RetryPolicy(...)} for generated code: the four-argument constructor, which retries
     * every failure, then a wither for each list of classes that is not empty.
     */
    public CodeBlock newPolicy() {
        CodeBlock.Builder code = CodeBlock.builder().add("new $T($L, $L, $L, $L)", RETRY_POLICY, maxAttempts,
                DurationSpec.code(backoff), multiplier, DurationSpec.code(maxBackoff));
        if (!nonRetryable.isEmpty()) {
            code.add("$Z.notRetryingOn($L)", classLiterals(nonRetryable));
        }
        if (!retryOn.isEmpty()) {
            code.add("$Z.retryingOnlyOn($L)", classLiterals(retryOn));
        }
        return code.build();
    }

    private static CodeBlock classLiterals(List<ClassName> classes) {
        return classes.stream().map(type -> CodeBlock.of("$T.class", type)).collect(CodeBlock.joining(", "));
    }

}
