package dev.aifirst.testsupport;

import dev.aifirst.testing.AiFirstExtension;
import java.time.Instant;

/**
 * The test kit's {@link AiFirstExtension} as the project's own tests use it: on the database
 * {@link TestDatabase} chooses (H2, or PostgreSQL in the second surefire run), with Hibernate over
 * the given entities, from {@link #T0}.
 */
public final class TestRuntime {

    /** Where every test's clock starts. */
    public static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private TestRuntime() {
    }

    public static AiFirstExtension.Builder extension(Class<?>... entities) {
        return AiFirstExtension.builder()
                .startingAt(T0)
                .dataSource(() -> TestDatabase.create().dataSource())
                .entityManagerFactory(dataSource -> TestHibernate.create(dataSource, entities));
    }
}
