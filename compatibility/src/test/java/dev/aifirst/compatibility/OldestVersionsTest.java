package dev.aifirst.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;

/**
 * Guards the point of this module: the runtime's tests that run beside this one run on the oldest
 * supported Hibernate and Jakarta Persistence, not on the versions the runtime is compiled against.
 */
class OldestVersionsTest {

    @Test
    void theRuntimeTestsHereRunOnHibernate66AndJakartaPersistence31() {
        assertThat(Version.getVersionString()).startsWith("6.6.");
        assertThat(EntityManagerFactory.class.getPackage().getImplementationVersion()).startsWith("3.1");
    }
}
