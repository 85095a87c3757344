package dev.aifirst.internal.events;

/**
 * The two db-scheduler tasks of business events, and their instance ids. Our executions carry no
 * data: the instance id names the row that holds the state, and the version of it the execution is
 * for, so that a stale execution (the row moved on) does nothing.
 */
final class EventTasks {

    /** Makes one occurrence of an event happen. */
    static final String DUE = "aif-event-due";
    /** Runs one subscriber for one occurrence. */
    static final String DELIVERY = "aif-event-delivery";

    private EventTasks() {
    }

    /** An execution of {@link #DUE}: {@code <eventId>:<occurrence>}. */
    record DueInstance(long eventId, int occurrence) {

        static DueInstance parse(String id) {
            int colon = id.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not an " + DUE + " instance: " + id);
            }
            return new DueInstance(Long.parseLong(id.substring(0, colon)), Integer.parseInt(id.substring(colon + 1)));
        }

        String id() {
            return eventId + ":" + occurrence;
        }
    }

    /**
     * An execution of {@link #DELIVERY}: {@code <deliveryId>#<attempt>}. (The PostgreSQL statement in
     * {@code DeliveryStore.addWithExecution} writes the first attempt's id as {@code d.id || '#1'}.)
     */
    record DeliveryInstance(long deliveryId, int attempt) {

        static DeliveryInstance parse(String id) {
            int hash = id.indexOf('#');
            if (hash < 0) {
                throw new IllegalArgumentException("not an " + DELIVERY + " instance: " + id);
            }
            return new DeliveryInstance(Long.parseLong(id.substring(0, hash)), Integer.parseInt(id.substring(hash + 1)));
        }

        String id() {
            return deliveryId + "#" + attempt;
        }
    }
}
