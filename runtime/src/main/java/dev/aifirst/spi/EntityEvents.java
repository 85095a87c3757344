package dev.aifirst.spi;

import java.time.ZoneId;
import java.util.List;

/**
 * The business events of one entity class, generated as {@code <Entity>Events} from its
 * {@code @Events} declaration.
 *
 * @param <E> the entity class
 */
public interface EntityEvents<E> {

    /** The entity class whose events these are. */
    Class<E> entityType();

    /** The entity's {@code @Event} declarations, in declaration order. */
    List<EventDeclaration> declarations();

    /** The entity's identifier, or {@code null} while it has none. */
    Object id(E entity);

    /** Turns an identifier stored as text ({@code String.valueOf(id)}) back into the identifier's type. */
    Object parseId(String id);

    /**
     * Whether the id is generated ({@code @GeneratedValue}): a newly inserted entity then cannot have
     * event rows yet, and the runtime skips looking for them.
     */
    default boolean generatedId() {
        return false;
    }

    /**
     * Evaluates every declaration against the entity as it is now: one state per declaration, in the
     * order of {@link #declarations()}. Calls the entity's methods directly; never reflects.
     *
     * @param zone the zone in which {@code LocalDateTime} and {@code LocalDate} properties are read
     */
    List<EventState> evaluate(E entity, ZoneId zone);
}
