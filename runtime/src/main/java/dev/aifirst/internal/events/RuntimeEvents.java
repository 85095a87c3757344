package dev.aifirst.internal.events;

import dev.aifirst.Audit;
import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import dev.aifirst.annotations.Trigger;
import dev.aifirst.events.ClaimRecord;
import dev.aifirst.events.DeliveryAudit;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventQuery;
import dev.aifirst.events.EventRecord;
import dev.aifirst.events.Events;
import dev.aifirst.internal.persistence.Pages;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.spi.EntityEvents;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;

/** {@code runtime.events()}: queries over the engine's stores, redeliveries, and the resync. */
public final class RuntimeEvents implements Events {

    private final EventEngine engine;

    public RuntimeEvents(EventEngine engine) {
        this.engine = engine;
    }

    @Override
    public Page<EventRecord> list(EventQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        String entityType = query.entityType() == null ? null : registered(query.entityType()).entityType().getName();
        long after = Pages.afterId(page);
        List<EventRow> rows = engine.database().inAutoCommit(c -> engine.events()
                .page(c, entityType, query, after, page.limit() + 1));
        return Pages.of(rows.stream().map(EventRow::toRecord).toList(), page, event -> Pages.idCursor(event.id()));
    }

    @Override
    public long count(EventQuery query) {
        Objects.requireNonNull(query, "query");
        String entityType = query.entityType() == null ? null : registered(query.entityType()).entityType().getName();
        return engine.database().inAutoCommit(c -> engine.events().count(c, entityType, query));
    }

    @Override
    public EventRecord find(Class<?> entityType, Object entityId, String name) {
        String type = registered(entityType).entityType().getName();
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(name, "name");
        EventRow row = engine.database().inAutoCommit(c -> engine.events().find(c, type, String.valueOf(entityId), name, "*"));
        return row == null ? null : row.toRecord();
    }

    @Override
    public Page<DeliveryRecord> deliveries(DeliveryQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        long after = Pages.afterId(page);
        List<DeliveryRecord> rows = engine.database().inAutoCommit(c -> engine.deliveries()
                .page(c, query, after, page.limit() + 1));
        return Pages.of(rows, page, delivery -> Pages.idCursor(delivery.id()));
    }

    @Override
    public DeliveryRecord redeliver(long deliveryId, Audit audit) {
        Objects.requireNonNull(audit, "audit");
        DeliveryRecord delivery = engine.redeliveries().redeliver(deliveryId, audit);
        engine.wakeUp();
        return delivery;
    }

    @Override
    public int redeliver(DeliveryQuery query, Audit audit) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(audit, "audit");
        if (query.status() != null && query.status() != DeliveryStatus.FAILED) {
            throw new IllegalArgumentException("Only FAILED deliveries are redelivered; the query selects "
                    + query.status() + " deliveries");
        }
        int redelivered = engine.redeliveries().redeliverAll(query, audit);
        engine.wakeUp();
        return redelivered;
    }

    @Override
    public Page<DeliveryAudit> audits(long deliveryId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        long after = Pages.afterId(page);
        List<DeliveryAudit> rows = engine.database().inAutoCommit(c ->
                DeliveryAuditStore.page(c, deliveryId, after, page.limit() + 1));
        return Pages.of(rows, page, audit -> Pages.idCursor(audit.id()));
    }

    @Override
    public long count(DeliveryQuery query) {
        Objects.requireNonNull(query, "query");
        return engine.database().inAutoCommit(c -> engine.deliveries().count(c, query));
    }

    @Override
    public Page<ClaimRecord> claims(PageRequest page) {
        long after = Pages.afterId(page);
        List<ClaimRecord> rows = engine.database().inAutoCommit(c -> engine.claims()
                .active(c, engine.clock().instant(), after, page.limit() + 1));
        return Pages.of(rows, page, claim -> Pages.idCursor(claim.id()));
    }

    @Override
    public int resync(Class<?> entityClass) {
        EntityEvents<?> descriptor = registered(entityClass);
        String type = descriptor.entityType().getName();
        Set<String> seen = new HashSet<>();
        int[] count = {0};
        engine.transactions().inTransaction(session -> {
            Connection c = SessionTransactions.connection(session);
            Set<String> withRows = new HashSet<>(engine.events().entityIds(c, type));
            try (ScrollableResults<?> entities = session
                    .createSelectionQuery("from " + descriptor.entityType().getName(), descriptor.entityType())
                    .scroll(ScrollMode.FORWARD_ONLY)) {
                while (entities.next()) {
                    Object entity = entities.get();
                    String id = String.valueOf(idOf(descriptor, entity));
                    seen.add(id);
                    engine.sync().syncOne(c, descriptor, entity, id,
                            withRows.contains(id) ? Trigger.UPDATE : Trigger.CREATE, true);
                    session.detach(entity);
                    count[0]++;
                }
            }
            for (String id : withRows) {
                if (!seen.contains(id)) {
                    engine.sync().cancelAllOf(c, type, id, "the entity no longer exists (found by resync)");
                }
            }
            return null;
        });
        engine.wakeUp();
        return count[0];
    }

    @Override
    public int purge(Instant before) {
        Objects.requireNonNull(before, "before");
        return engine.database().inTransaction(c -> engine.events().purge(c, before));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object idOf(EntityEvents descriptor, Object entity) {
        return descriptor.id(entity);
    }

    private EntityEvents<?> registered(Class<?> entityType) {
        Objects.requireNonNull(entityType, "entityType");
        EntityEvents<?> descriptor = engine.registry().descriptorFor(entityType);
        if (descriptor == null) {
            throw new IllegalArgumentException(entityType.getName() + " declares no @Events (entities with events: "
                    + engine.registry().entityTypes() + ")");
        }
        return descriptor;
    }
}
