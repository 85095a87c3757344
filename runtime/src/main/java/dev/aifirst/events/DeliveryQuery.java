package dev.aifirst.events;

import java.util.Objects;

/**
 * Which deliveries of events to handlers to list with {@code runtime.events().deliveries(query, page)};
 * the criteria are optional and combine. Deliveries are listed in the order they were recorded.
 *
 * @param eventId the event's row id ({@link EventRecord#id()}), or {@code null} for any
 * @param status the status, or {@code null} for any
 * @param subscriber the handler's key ({@code "com.example.GuestMessages#sendWelcome"}), or {@code null} for any
 */
public record DeliveryQuery(Long eventId, DeliveryStatus status, String subscriber) {

    /** Every delivery. */
    public static DeliveryQuery all() {
        return new DeliveryQuery(null, null, null);
    }

    /** The deliveries of one event. */
    public static DeliveryQuery ofEvent(long eventId) {
        return new DeliveryQuery(eventId, null, null);
    }

    /** Deliveries with this status, such as {@link DeliveryStatus#FAILED}: every attempt failed. */
    public static DeliveryQuery withStatus(DeliveryStatus status) {
        return all().status(status);
    }

    /** Only deliveries with this status. */
    public DeliveryQuery status(DeliveryStatus status) {
        return new DeliveryQuery(eventId, Objects.requireNonNull(status, "status"), subscriber);
    }

    /** Only deliveries to this handler. */
    public DeliveryQuery toSubscriber(String subscriber) {
        return new DeliveryQuery(eventId, status, Objects.requireNonNull(subscriber, "subscriber"));
    }
}
