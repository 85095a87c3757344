package dev.aifirst.internal.events;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The last state of a deleted entity, kept with its {@code DELETE}-triggered events so their
 * handlers can read it after the row is gone. Fields are copied as JSON; associations to other
 * entities are not followed beyond what Jackson can write without loading them.
 */
final class EntitySnapshots {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String write(Object entity) throws Exception {
        return mapper.writeValueAsString(entity);
    }

    <E> E read(String json, Class<E> type) throws Exception {
        return mapper.readValue(json, type);
    }
}
