package dev.aifirst.internal.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.internal.events.EventSubscriber;
import dev.aifirst.internal.observability.Tracing;
import dev.aifirst.spi.WorkflowDefinition;
import java.lang.reflect.Proxy;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The subscriber that starts a workflow's runs: which occurrences it accepts, and a trigger it refuses. */
class RunStarterTest {

    /** Stands for the workflow class of the definitions below. */
    static final class FollowUp {
    }

    private final RunStarter starter = new RunStarter(null, null, null, Clock.systemUTC(), Tracing.NONE);

    /** A hand-written definition that starts on {@code ticket_opened} of {@code String} "entities" in {@code namespace}. */
    private static WorkflowDefinition<?> startingIn(String namespace) {
        return (WorkflowDefinition<?>) Proxy.newProxyInstance(RunStarterTest.class.getClassLoader(),
                new Class<?>[] {WorkflowDefinition.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "name" -> "follow_up";
                    case "workflowType" -> FollowUp.class;
                    case "triggerEvent" -> "ticket_opened";
                    case "triggerEntityType" -> String.class;
                    case "triggerNamespace" -> namespace;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void runsStartOnlyOnTheOccurrencesOfTheTriggersNamespace() {
        EventSubscriber support = starter.onEvent(startingIn("team-support"));
        assertThat(support.namespace()).isEqualTo("team-support");
        assertThat(support.accepts(String.class, "ticket_opened", "ticket_opened", "team-support")).isTrue();
        assertThat(support.accepts(String.class, "ticket_opened", "ticket_opened", "team-sales")).isFalse();

        EventSubscriber every = starter.onEvent(startingIn("*"));
        assertThat(every.accepts(String.class, "ticket_opened", "ticket_opened", "team-sales")).isTrue();
        assertThat(every.accepts(String.class, "ticket_closed", "ticket_closed", "team-sales")).isFalse();
    }

    @Test
    void aDefinitionWithoutANamespaceIsRefusedNamingTheWorkflow() {
        assertThatThrownBy(() -> starter.onEvent(startingIn(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The workflow follow_up (" + FollowUp.class.getName() + ") starts on ticket_opened in no"
                        + " namespace: its triggerNamespace() is null; \"*\" starts runs in every namespace");
        assertThatThrownBy(() -> starter.onEvent(startingIn("")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its triggerNamespace() is blank");
    }
}
