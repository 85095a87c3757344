package dev.aifirst.processor.base;

import javax.annotation.processing.Messager;

/**
 * The one path by which the processor reports anything: every text comes from a {@link Message},
 * tagged with its id, and is placed on the element, annotation and annotation value, or the expression
 * in a method body, at fault.
 */
public final class Diagnostics {

    private final Messager messager;

    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    /** Prints every finding of a declaration's report; returns whether the report is clean. */
    public boolean print(ValidationReport report) {
        for (ValidationReport.Finding finding : report.findings()) {
            print(finding.message(), finding.location(), finding.text());
        }
        return report.isClean();
    }

    /** Reports one finding that belongs to no declaration's report, such as a cross-class check. */
    public void report(Message message, Location location, Object... arguments) {
        print(message, location, message.text(arguments));
    }

    /** Reports a finding that has no source element, such as a file that could not be written. */
    public void report(Message message, Object... arguments) {
        messager.printMessage(message.kind(), message.text(arguments));
    }

    private void print(Message message, Location location, String text) {
        if (location.expression() != null) {
            location.expression().print(message.kind(), text);
        } else if (location.value() != null) {
            messager.printMessage(message.kind(), text, location.element(), location.annotation(), location.value());
        } else if (location.annotation() != null) {
            messager.printMessage(message.kind(), text, location.element(), location.annotation());
        } else {
            messager.printMessage(message.kind(), text, location.element());
        }
    }
}
