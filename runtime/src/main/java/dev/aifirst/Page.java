package dev.aifirst;

import java.util.List;

/**
 * One page of a list the runtime keeps: at most the requested number of items, in a stable order,
 * and where the next page starts.
 *
 * <pre>{@code
 * PageRequest request = PageRequest.first(100);
 * Page<WorkflowRun> page;
 * do {
 *     page = runtime.workflows().runs(RunQuery.withStatus(RunStatus.FAILED), request);
 *     page.items().forEach(this::report);
 *     request = page.nextRequest();
 * } while (page.hasNext());
 * }</pre>
 *
 * @param items the items of this page
 * @param nextCursor where the next page starts, or {@code null} when this is the last page
 * @param limit the page size this page was asked for
 */
public record Page<T>(List<T> items, String nextCursor, int limit) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether more items follow this page. */
    public boolean hasNext() {
        return nextCursor != null;
    }

    /** The request for the page after this one, of the same size; {@code null} after the last page. */
    public PageRequest nextRequest() {
        return nextCursor == null ? null : new PageRequest(limit, nextCursor);
    }
}
