package dev.aifirst.spi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Objects;

/**
 * Stores a workflow's context as JSON. Fields are read and written directly (public or not), so a
 * plain class with fields, a bean or a record all work; unknown properties are ignored, so a context
 * that lost a field in a new version still reads old runs.
 *
 * @param <C> the context type
 */
public final class ContextCodec<C> {

    /** The mapper every codec shares: fields visible, java.time as ISO-8601 text. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);

    private final Class<C> type;

    public ContextCodec(Class<C> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public C decode(String json) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a " + type.getName() + " from " + json + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public String encode(C context) {
        try {
            return MAPPER.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the " + type.getName() + " " + context + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
