package dev.aifirst.workflows;

import dev.aifirst.spi.ContextCodec;
import java.util.Map;

/**
 * A signal a run waited for, as the step receives it.
 *
 * @param name the signal's name
 * @param fields the payload's fields, as JSON values
 */
public record SignalPayload(String name, Map<String, Object> fields) {

    public SignalPayload {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** The payload read as {@code type}. */
    public <T> T as(Class<T> type) {
        return ContextCodec.MAPPER.convertValue(fields, type);
    }
}
