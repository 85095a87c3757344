package dev.aifirst.internal.console;

import dev.aifirst.AiFirst;
import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import dev.aifirst.console.ConsoleRequest;
import dev.aifirst.console.ConsoleResponse;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventQuery;
import dev.aifirst.events.EventRecord;
import dev.aifirst.events.EventStatus;
import java.time.Instant;

/** {@code /api/events} and {@code /api/deliveries}: business events searched, with their deliveries to handlers. */
final class EventsResource {

    /** The ends of an open date range: the runtime's range takes both ends. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final AiFirst runtime;
    private final EntityTypes entityTypes;
    private final Access access;

    EventsResource(AiFirst runtime, EntityTypes entityTypes, Access access) {
        this.runtime = runtime;
        this.entityTypes = entityTypes;
        this.access = access;
    }

    void register(Routes routes) {
        routes.get("/api/events", (request, path) -> search(request))
                .get("/api/events/{id}/deliveries", (request, path) -> deliveriesOf(request, path.get(0)))
                .get("/api/deliveries", (request, path) -> deliveries(request));
    }

    /** Events by entity type and id, name, status and due date range, in the order they were recorded. */
    private ConsoleResponse search(ConsoleRequest request) {
        Parameters parameters = Parameters.of(request.query(), "entityType", "entityId", "name", "status", "dueFrom",
                "dueBefore", "limit", "cursor");
        Class<?> entityType = entityTypes.resolve("entityType", parameters.text("entityType"));
        String entityId = parameters.text("entityId");
        if (entityId != null && entityType == null) {
            throw HttpError.badRequest("entityId", "an entity id ('" + entityId + "') needs its entityType");
        }
        EventQuery query = entityType == null ? EventQuery.all()
                : entityId == null ? EventQuery.ofType(entityType) : EventQuery.ofEntity(entityType, entityId);
        String name = parameters.text("name");
        if (name != null) {
            query = query.named(name);
        }
        EventStatus status = parameters.status("status", EventStatus.class);
        if (status != null) {
            query = query.withStatus(status);
        }
        Instant from = parameters.instant("dueFrom");
        Instant before = parameters.instant("dueBefore");
        if (from != null && before != null && !from.isBefore(before)) {
            throw HttpError.badRequest("dueBefore", "dueBefore (" + before + ") must come after dueFrom (" + from + ")");
        }
        if (from != null || before != null) {
            query = query.dueBetween(from == null ? EARLIEST : from, before == null ? LATEST : before);
        }
        PageRequest page = parameters.page();
        Page<EventRecord> events;
        try {
            events = runtime.events().list(query, page);
        } catch (IllegalArgumentException e) {
            throw HttpError.refusedByRuntime(e, "entityType");
        }
        return Responses.json(Views.PageView.of(events, event -> event));
    }

    private ConsoleResponse deliveriesOf(ConsoleRequest request, String id) {
        long eventId = Parameters.id("event id", id);
        Parameters parameters = Parameters.of(request.query(), "limit", "cursor");
        return deliveryPage(request, DeliveryQuery.ofEvent(eventId), parameters.page());
    }

    /** Deliveries by status and handler, such as every failed one. */
    private ConsoleResponse deliveries(ConsoleRequest request) {
        Parameters parameters = Parameters.of(request.query(), "status", "subscriber", "limit", "cursor");
        DeliveryQuery query = DeliveryQuery.all();
        DeliveryStatus status = parameters.status("status", DeliveryStatus.class);
        if (status != null) {
            query = query.status(status);
        }
        String subscriber = parameters.text("subscriber");
        if (subscriber != null) {
            query = query.toSubscriber(subscriber);
        }
        return deliveryPage(request, query, parameters.page());
    }

    private ConsoleResponse deliveryPage(ConsoleRequest request, DeliveryQuery query, PageRequest page) {
        Page<DeliveryRecord> deliveries;
        try {
            deliveries = runtime.events().deliveries(query, page);
        } catch (IllegalArgumentException e) {
            throw HttpError.refusedByRuntime(e, "cursor");
        }
        boolean details = access.showsDetails(request);
        return Responses.json(Views.PageView.of(deliveries, delivery -> Views.delivery(delivery, details)));
    }
}
