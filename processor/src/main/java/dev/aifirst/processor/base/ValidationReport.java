package dev.aifirst.processor.base;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * The findings about one declaration, collected while it is read and printed together. A step
 * generates code for the declaration only when its report is {@linkplain #isClean() clean}.
 *
 * <p>A reader that checks a part of the declaration (one {@code @Event}, one step) opens a
 * {@linkplain #subreport sub-report} to tell whether that part is clean; its findings count for
 * every report above it, and are printed in the order they were found.
 */
public final class ValidationReport {

    /** One finding: what, where, and the values for the message's placeholders. */
    public record Finding(Message message, Location location, List<Object> arguments) {

        public String text() {
            return message.text(arguments.toArray());
        }
    }

    private final Element subject;
    private final ValidationReport parent;
    private final List<Finding> findings;
    private boolean clean = true;

    private ValidationReport(Element subject, ValidationReport parent, List<Finding> findings) {
        this.subject = subject;
        this.parent = parent;
        this.findings = findings;
    }

    /** A new report about {@code subject}, a declaration the processor reads. */
    public static ValidationReport about(Element subject) {
        return new ValidationReport(subject, null, new ArrayList<>());
    }

    /** A report about a part of this report's subject, such as one of its methods. */
    public ValidationReport subreport(Element part) {
        return new ValidationReport(part, this, findings);
    }

    /** The declaration this report is about. */
    public Element subject() {
        return subject;
    }

    public void report(Message message, Element element, Object... arguments) {
        add(message, Location.of(element), arguments);
    }

    public void report(Message message, Element element, AnnotationMirror annotation, Object... arguments) {
        add(message, Location.of(element, annotation), arguments);
    }

    /** Reports on the value of {@code member}, or on the annotation when the member keeps its default. */
    public void reportOnValue(Message message, Element element, AnnotationMirror annotation, String member,
            Object... arguments) {
        add(message, Location.of(element, annotation, member), arguments);
    }

    public void add(Message message, Location location, Object... arguments) {
        findings.add(new Finding(message, location, List.of(arguments)));
        if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
            for (ValidationReport report = this; report != null; report = report.parent) {
                report.clean = false;
            }
        }
    }

    /** Whether no error was reported about the subject or any of its parts; warnings do not count. */
    public boolean isClean() {
        return clean;
    }

    /** Every finding of the whole declaration, in the order found. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
