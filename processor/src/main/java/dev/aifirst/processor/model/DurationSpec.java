package dev.aifirst.processor.model;

import com.palantir.javapoet.CodeBlock;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/** ISO-8601 durations written in annotations: parsed at compile time, emitted as readable code. */
public final class DurationSpec {

    private DurationSpec() {
    }

    /**
     * Parses the duration in {@code member}, reporting an unparsable or (unless allowed) negative one.
     *
     * @return the duration, or {@code null} after reporting an error
     */
    public static Duration read(Elements elements, ValidationReport report, Element element, AnnotationMirror mirror,
            String member, boolean mayBeNegative) {
        String text = Annotations.string(elements, mirror, member);
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            report.reportOnValue(Message.DURATION_UNPARSABLE, element, mirror, member, text, member);
            return null;
        }
        if (duration.isNegative() && !mayBeNegative) {
            report.reportOnValue(Message.DURATION_NEGATIVE, element, mirror, member, member, text);
            return null;
        }
        return duration;
    }

    /** The shortest readable expression for {@code duration}: {@code Duration.ofHours(2)}, {@code Duration.ZERO}. */
    public static CodeBlock code(Duration duration) {
        if (duration.isZero()) {
            return CodeBlock.of("$T.ZERO", Duration.class);
        }
        if (duration.getNano() == 0) {
            long seconds = duration.getSeconds();
            if (seconds % 86_400 == 0) {
                return CodeBlock.of("$T.ofDays($L)", Duration.class, seconds / 86_400);
            }
            if (seconds % 3_600 == 0) {
                return CodeBlock.of("$T.ofHours($L)", Duration.class, seconds / 3_600);
            }
            if (seconds % 60 == 0) {
                return CodeBlock.of("$T.ofMinutes($L)", Duration.class, seconds / 60);
            }
            return CodeBlock.of("$T.ofSeconds($L)", Duration.class, seconds);
        }
        return CodeBlock.of("$T.parse($S)", Duration.class, duration.toString());
    }
}
