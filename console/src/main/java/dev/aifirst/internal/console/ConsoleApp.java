package dev.aifirst.internal.console;

import dev.aifirst.AiFirst;
import dev.aifirst.console.ConsoleRequest;
import dev.aifirst.console.ConsoleResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console behind any server: routes a request to the API or the pages, and turns every failure
 * into a response (a clear 4xx, or a 500 that shows no stack trace and logs one).
 */
public final class ConsoleApp {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private final Routes routes = new Routes();
    private final OverviewResource overview;

    public ConsoleApp(AiFirst runtime, ConsoleSettings settings) {
        Access access = new Access(settings);
        EntityTypes entityTypes = new EntityTypes(settings.classLoader());
        this.overview = new OverviewResource(runtime, settings.refreshInterval());
        overview.register(routes);
        new EventsResource(runtime, entityTypes, access).register(routes);
        new RunsResource(runtime, entityTypes, access).register(routes);
        new StaticPages().register(routes);
        routes.get("/api/session", (request, path) -> {
            Parameters.of(request.query());
            return Responses.json(access.session(request));
        });
    }

    public ConsoleResponse handle(ConsoleRequest request) {
        try {
            return routes.dispatch(request);
        } catch (HttpError e) {
            return Responses.error(e);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Console request {} {} failed (incident {})", request.method(), request.path(), incident, e);
            return Responses.internalError(incident);
        }
    }

    /** Ends the live streams, so that a server stopping does not wait for them. */
    public void stop() {
        overview.stop();
    }
}
