package dev.aifirst.spring.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class whose Spring context runs on {@link TestDatabase}. The build runs these classes
 * twice: on H2, and again on PostgreSQL (the {@code postgresql} surefire execution), where they are
 * skipped with a message, before any context starts, if no server is reachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@ExtendWith(DatabaseTest.PostgresReachable.class)
public @interface DatabaseTest {

    /** Skips the class when PostgreSQL is asked for but not there. */
    class PostgresReachable implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            if (TestDatabase.isPostgres()) {
                String why = TestDatabase.unreachable();
                if (why != null) {
                    System.err.println("[aifirst] " + why);
                    Assumptions.abort(why);
                }
            }
        }
    }
}
