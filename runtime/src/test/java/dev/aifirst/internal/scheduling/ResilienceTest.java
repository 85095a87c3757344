package dev.aifirst.internal.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.internal.persistence.DatabaseFailures;
import dev.aifirst.internal.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away", and what an execution does about them. */
class ResilienceTest {

    @Test
    void aLostConnectionARestartAndALostRaceAreTransientAConstraintViolationIsNot() {
        assertThat(DatabaseFailures.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(DatabaseFailures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isTransient(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(DatabaseFailures.isTransient(new SQLException("too many clients", "53300"))).isTrue();
        assertThat(DatabaseFailures.isTransient(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(DatabaseFailures.isTransient(new PersistenceException("wrapped",
                new SQLException("I/O error", "08006")))).as("found among the causes").isTrue();

        assertThat(DatabaseFailures.isTransient(new SQLIntegrityConstraintViolationException("duplicate", "23505")))
                .isFalse();
        assertThat(DatabaseFailures.isTransient(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void workThatMeetsADatabaseThatIsAwayIsTriedAgainInPlaceUntilItPasses() {
        AtomicInteger calls = new AtomicInteger();
        Resilience.run("test work", counter -> {
            if (counter.incrementAndGet() < 3) {
                throw new PersistenceException("lost", new SQLException("connection reset", "08006"));
            }
        }, calls);
        assertThat(calls).hasValue(3);
    }

    @Test
    void anyOtherFailureEscapesAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Resilience.run("test work", counter -> {
            counter.incrementAndGet();
            throw new IllegalStateException("a defect");
        }, calls)).hasMessage("a defect");
        assertThat(calls).hasValue(1);
    }
}
