package dev.aifirst.internal.events;

import dev.aifirst.events.EventContext;
import dev.aifirst.spi.EventHandlers;
import dev.aifirst.spi.HandlerDeclaration;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.RetryPolicy;
import java.time.Duration;
import org.hibernate.Session;

/** An {@code @OnEvent} method, called through its generated dispatcher. */
record OnEventSubscriber(EventHandlers handlers, HandlerDeclaration declaration, Instances instances)
        implements EventSubscriber {

    @Override
    public String key() {
        return declaration.key();
    }

    @Override
    public Class<?> entityType() {
        return declaration.entityType();
    }

    @Override
    public String event() {
        return declaration.event();
    }

    @Override
    public Duration offset() {
        return declaration.offset();
    }

    @Override
    public RetryPolicy retry() {
        return declaration.retry();
    }

    @Override
    public String namespace() {
        return declaration.namespace();
    }

    @Override
    public boolean ignoresClaims() {
        return declaration.ignoresClaims();
    }

    @Override
    public void deliver(EventContext<?> event, Session session) throws Exception {
        handlers.handle(declaration.key(), event, instances);
    }
}
