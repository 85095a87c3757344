package dev.aifirst.internal.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AbstractEvent;
import org.hibernate.event.spi.EventSource;

/**
 * The session an entity event belongs to. {@code AbstractEvent.getSession()} returns an
 * {@code EventSource} in Hibernate 6.6 and a {@code SharedSessionContractImplementor} in 7.x; a call
 * compiled against one is a {@code NoSuchMethodError} on the other, so the method is bound once, to
 * whichever the Hibernate on the classpath has.
 */
final class EventSessions {

    private static final MethodHandle GET_SESSION = bind();

    private EventSessions() {
    }

    static Session of(AbstractEvent event) {
        try {
            return (Session) (Object) GET_SESSION.invokeExact(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Could not read the session of " + event, e);
        }
    }

    private static MethodHandle bind() {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType erased = MethodType.methodType(Object.class, AbstractEvent.class);
        for (Class<?> returnType : new Class<?>[] {SharedSessionContractImplementor.class, EventSource.class}) {
            try {
                return lookup.findVirtual(AbstractEvent.class, "getSession", MethodType.methodType(returnType))
                        .asType(erased);
            } catch (NoSuchMethodException e) {
                // the other Hibernate generation; try the next return type
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Hibernate's AbstractEvent.getSession() is not accessible", e);
            }
        }
        throw new IllegalStateException("This Hibernate has no AbstractEvent.getSession(); supported: 6.6 and 7.x");
    }
}
