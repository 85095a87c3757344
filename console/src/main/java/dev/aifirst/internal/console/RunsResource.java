package dev.aifirst.internal.console;

import dev.aifirst.AiFirst;
import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import dev.aifirst.console.ConsoleRequest;
import dev.aifirst.console.ConsoleResponse;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.StepExecution;
import dev.aifirst.workflows.WorkflowRun;
import java.util.function.Supplier;

/** {@code /api/runs}: workflow runs filtered, and one run with its context, step history, parent and children. */
final class RunsResource {

    /** Children shown with a run; more are read page by page. */
    private static final int CHILDREN_SHOWN = 20;

    private final AiFirst runtime;
    private final EntityTypes entityTypes;
    private final Access access;

    RunsResource(AiFirst runtime, EntityTypes entityTypes, Access access) {
        this.runtime = runtime;
        this.entityTypes = entityTypes;
        this.access = access;
    }

    void register(Routes routes) {
        routes.get("/api/runs", (request, path) -> search(request))
                .get("/api/runs/{id}", (request, path) -> run(request, path.get(0)))
                .get("/api/runs/{id}/history", (request, path) -> history(request, path.get(0)))
                .get("/api/runs/{id}/children", (request, path) -> children(request, path.get(0)));
    }

    /** Runs by workflow name, status and the entity whose event started them, oldest first. */
    private ConsoleResponse search(ConsoleRequest request) {
        Parameters parameters = Parameters.of(request.query(), "workflow", "status", "entityType", "entityId", "limit",
                "cursor");
        String workflow = parameters.text("workflow");
        RunQuery query = workflow == null ? RunQuery.all() : RunQuery.named(workflow);
        RunStatus status = parameters.status("status", RunStatus.class);
        if (status != null) {
            query = query.status(status);
        }
        Class<?> entityType = entityTypes.resolve("entityType", parameters.text("entityType"));
        String entityId = parameters.text("entityId");
        if (entityType != null && entityId == null) {
            throw HttpError.badRequest("entityId", "runs of an entity need its entityId as well as its entityType");
        }
        if (entityId != null && entityType == null) {
            throw HttpError.badRequest("entityType", "an entity id ('" + entityId + "') needs its entityType");
        }
        if (entityType != null) {
            query = query.entity(entityType, entityId);
        }
        RunQuery selected = query;
        PageRequest page = parameters.page();
        boolean details = access.showsDetails(request);
        Page<WorkflowRun> runs = paged(() -> runtime.workflows().runs(selected, page));
        return Responses.json(Views.PageView.of(runs, run -> Views.run(run, details)));
    }

    /** The run, its parent, and its first children. */
    private ConsoleResponse run(ConsoleRequest request, String id) {
        Parameters.of(request.query());
        WorkflowRun run = existing(id);
        boolean details = access.showsDetails(request);
        WorkflowRun parent = run.parentId() == null ? null : runtime.workflows().find(run.parentId());
        Page<WorkflowRun> children = runtime.workflows().children(run.id(), PageRequest.first(CHILDREN_SHOWN));
        return Responses.json(new RunPage(Views.run(run, details), parent == null ? null : Views.run(parent, details),
                Views.PageView.of(children, child -> Views.run(child, details))));
    }

    /**
     * @param run the run
     * @param parent the run that started it, or {@code null}
     * @param children the first runs it started
     */
    record RunPage(Views.RunView run, Views.RunView parent, Views.PageView<Views.RunView> children) {
    }

    private ConsoleResponse history(ConsoleRequest request, String id) {
        PageRequest page = Parameters.of(request.query(), "limit", "cursor").page();
        existing(id);
        boolean details = access.showsDetails(request);
        Page<StepExecution> steps = paged(() -> runtime.workflows().history(id, page));
        return Responses.json(Views.PageView.of(steps, step -> Views.step(step, details)));
    }

    private ConsoleResponse children(ConsoleRequest request, String id) {
        PageRequest page = Parameters.of(request.query(), "limit", "cursor").page();
        existing(id);
        boolean details = access.showsDetails(request);
        Page<WorkflowRun> children = paged(() -> runtime.workflows().children(id, page));
        return Responses.json(Views.PageView.of(children, child -> Views.run(child, details)));
    }

    private WorkflowRun existing(String id) {
        WorkflowRun run = runtime.workflows().find(id);
        if (run == null) {
            throw HttpError.notFound("no workflow run '" + id + "'");
        }
        return run;
    }

    /** A page read with the caller's cursor, which the runtime may refuse. */
    private static <T> Page<T> paged(Supplier<Page<T>> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw HttpError.refusedByRuntime(e, "cursor");
        }
    }
}
