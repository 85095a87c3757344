package dev.aifirst.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata IDEs read to complete and explain the aifirst.* properties. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedWithItsTypeAndDefault() throws Exception {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).as("spring-configuration-metadata.json in the jar").isNotNull();
            new ObjectMapper().readTree(json).get("properties")
                    .forEach(property -> properties.put(property.get("name").asText(), property));
        }

        assertThat(properties).containsOnlyKeys("aifirst.threads", "aifirst.polling-interval", "aifirst.node-name",
                "aifirst.takeover-after", "aifirst.migration-mode", "aifirst.scheduler-table", "aifirst.only-packages",
                "aifirst.health.max-due-age", "management.health.aifirst.enabled");
        assertThat(properties.values()).allSatisfy(property ->
                assertThat(property.path("description").asText()).as(property.get("name").asText()).isNotBlank());
        assertThat(properties.get("aifirst.threads").get("defaultValue").asInt()).isEqualTo(10);
        assertThat(properties.get("aifirst.polling-interval").get("type").asText()).isEqualTo("java.time.Duration");
        assertThat(properties.get("aifirst.polling-interval").get("defaultValue").asText()).isEqualTo("5s");
        assertThat(properties.get("aifirst.takeover-after").get("defaultValue").asText()).isEqualTo("3m");
        assertThat(properties.get("aifirst.migration-mode").get("defaultValue").asText()).isEqualTo("migrate");
        assertThat(properties.get("aifirst.scheduler-table").get("defaultValue").asText()).isEqualTo("scheduled_tasks");
        assertThat(properties.get("management.health.aifirst.enabled").get("defaultValue").asBoolean()).isTrue();
    }
}
