package dev.aifirst.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the health indicator reports, from the runtime's state and backlog. */
class RuntimeHealthTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final Backlog.FailingExecution FAILING = new Backlog.FailingExecution("aif-event-delivery",
            "42#1", 3, NOW.minusSeconds(30), NOW.plusSeconds(30));

    @Test
    void aRunningRuntimeIsUpWithItsBacklogAsDetails() {
        Backlog backlog = new Backlog(4, NOW.minus(Duration.ofMinutes(2)), 1, List.of(FAILING));

        RuntimeHealth.Report report = RuntimeHealth.assess(true, backlog, NOW, null);

        assertThat(report.up()).isTrue();
        assertThat(report.details()).containsEntry("running", true).containsEntry("due", 4L)
                .containsEntry("oldestDue", "2026-06-01T08:58:00Z").containsEntry("oldestDueAge", "PT2M")
                .containsEntry("executing", 1L).containsEntry("failing", 1)
                .doesNotContainKey("maxDueAge");
    }

    @Test
    void nothingDueIsAnAgeOfZero() {
        RuntimeHealth.Report report = RuntimeHealth.assess(true, new Backlog(0, null, 0, List.of()), NOW, null);

        assertThat(report.up()).isTrue();
        assertThat(report.details()).containsEntry("due", 0L).containsEntry("oldestDueAge", "PT0S")
                .doesNotContainKey("oldestDue");
    }

    @Test
    void aRuntimeThatIsNotRunningIsDown() {
        RuntimeHealth.Report report = RuntimeHealth.assess(false, new Backlog(0, null, 0, List.of()), NOW, null);

        assertThat(report.up()).isFalse();
        assertThat(report.details()).containsEntry("running", false);
    }

    @Test
    void dueWorkOlderThanTheMaximumAgeIsDownAndSaysTheMaximum() {
        Backlog backlog = new Backlog(120, NOW.minus(Duration.ofMinutes(11)), 10, List.of());

        RuntimeHealth.Report tooOld = RuntimeHealth.assess(true, backlog, NOW, Duration.ofMinutes(10));
        RuntimeHealth.Report young = RuntimeHealth.assess(true, backlog, NOW, Duration.ofMinutes(15));

        assertThat(tooOld.up()).isFalse();
        assertThat(tooOld.details()).containsEntry("oldestDueAge", "PT11M").containsEntry("maxDueAge", "PT10M");
        assertThat(young.up()).isTrue();
    }
}
