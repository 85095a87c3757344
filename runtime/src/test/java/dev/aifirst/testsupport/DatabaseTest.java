package dev.aifirst.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that runs against {@link TestDatabase}. The build runs these classes twice:
 * on H2, and again on PostgreSQL (the {@code postgresql} surefire execution), where they are skipped
 * with a message if no server is reachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
public @interface DatabaseTest {
}
