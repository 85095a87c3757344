package dev.aifirst.internal.agents;

import dev.aifirst.agents.AgentStatus;
import dev.aifirst.events.EventContext;
import dev.aifirst.internal.events.EventSubscriber;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.spi.AgentDefinition;
import dev.aifirst.spi.AgentHandler;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.RetryPolicy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event subscribers of agents: one that spawns an agent when its event occurs, and one per
 * handler that puts each occurrence in the inbox of the agents it matches, found through the routing
 * index. Both work in the delivery's transaction, so an event is routed exactly once.
 */
final class AgentSubscribers {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSubscribers.class);
    /** How a delivery that spawns or routes is retried when that fails (the database, not user code). */
    private static final RetryPolicy ROUTING_RETRY = new RetryPolicy(5, Duration.ofSeconds(5), 2.0, Duration.ofHours(1));

    private final AgentStore agents;
    private final AgentLifecycle lifecycle;
    private final Instances instances;
    private final Clock clock;

    AgentSubscribers(AgentStore agents, AgentLifecycle lifecycle, Instances instances, Clock clock) {
        this.agents = agents;
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.clock = clock;
    }

    /** Every subscriber the agents of {@code registry} need. */
    List<EventSubscriber> of(AgentRegistry registry) {
        List<EventSubscriber> subscribers = new ArrayList<>();
        for (AgentDefinition<?> definition : registry.definitions()) {
            if (!definition.spawnEvent().isEmpty()) {
                subscribers.add(new SpawnOnEvent(definition));
            }
            for (AgentHandler handler : definition.handlers()) {
                if (!AgentRegistry.handledAtSpawn(definition, handler)) {
                    subscribers.add(new RouteToAgents(definition, handler));
                }
            }
        }
        return subscribers;
    }

    /** Spawns an agent when its event occurs (or finds the singleton already there) and routes the event's handlers to it. */
    private final class SpawnOnEvent implements EventSubscriber {

        private final AgentDefinition<?> definition;

        SpawnOnEvent(AgentDefinition<?> definition) {
            this.definition = definition;
        }

        @Override
        public String key() {
            return "agent:" + definition.name();
        }

        @Override
        public Class<?> entityType() {
            return definition.spawnEntityType();
        }

        @Override
        public String event() {
            return definition.spawnEvent();
        }

        @Override
        public Duration offset() {
            return Duration.ZERO;
        }

        @Override
        public RetryPolicy retry() {
            return ROUTING_RETRY;
        }

        @Override
        public void deliver(EventContext<?> event, Session session) throws Exception {
            if (!definition.namespace().equals("*") && !definition.namespace().equals(event.namespace())) {
                LOG.debug("{} does not spawn {}: its namespace is not {}", event, definition.name(),
                        definition.namespace());
                return;
            }
            Connection c = SessionTransactions.connection(session);
            Instant now = clock.instant();
            String routed = RoutedEvents.json(event);
            Object context = definition.createContext(event, instances);
            AgentLifecycle.Spawned spawned = lifecycle.spawn(c, definition, context,
                    definition.spawnEntityType().getName(), event.entityId(),
                    "spawned by " + RoutedEvents.describe(RoutedEvents.read(routed)), now);
            if (spawned.agent().status != AgentStatus.ACTIVE) {
                return;
            }
            LOG.debug("{} {} by {}", spawned.agent(), spawned.created() ? "spawned" : "reached", event);
            for (AgentHandler handler : definition.handlers()) {
                if (AgentRegistry.handledAtSpawn(definition, handler)) {
                    lifecycle.deliver(c, spawned.agent(), handler, routed, now, now);
                }
            }
        }
    }

    /** Puts an occurrence in the inbox of every active agent whose routing key the event's entity carries. */
    private final class RouteToAgents implements EventSubscriber {

        private final AgentDefinition<?> definition;
        private final AgentHandler handler;

        RouteToAgents(AgentDefinition<?> definition, AgentHandler handler) {
            this.definition = definition;
            this.handler = handler;
        }

        @Override
        public String key() {
            return "agent:" + definition.name() + "#" + handler.method();
        }

        @Override
        public Class<?> entityType() {
            return handler.entityType();
        }

        @Override
        public String event() {
            return handler.event();
        }

        @Override
        public Duration offset() {
            return handler.offset();
        }

        @Override
        public RetryPolicy retry() {
            return ROUTING_RETRY;
        }

        @Override
        public boolean ignoresClaims() {
            return handler.ignoresClaims();
        }

        @Override
        public void deliver(EventContext<?> event, Session session) throws Exception {
            String key = AgentLifecycle.keyOf(definition.entityKey(handler.method(), event.entity()));
            if (key == null) {
                return;
            }
            Connection c = SessionTransactions.connection(session);
            Instant now = clock.instant();
            String routed = null;
            for (String agentId : agents.route(c, definition.name(), handler.matchContext(), key)) {
                AgentRow agent = agents.lock(c, agentId);
                if (agent == null || agent.status != AgentStatus.ACTIVE) {
                    continue; // finished since the lookup
                }
                routed = routed != null ? routed : RoutedEvents.json(event);
                lifecycle.deliver(c, agent, handler, routed, now, now);
                LOG.debug("{} routed to {} for {}", event, agent, handler.method());
            }
        }
    }
}
