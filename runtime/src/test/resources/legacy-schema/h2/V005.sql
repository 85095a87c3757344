-- A failed run's @OnFail hook runs once, as its own task, after the failure is committed.
-- PENDING: the hook is still to run; CALLED: it was called (never again, even after a crash).
ALTER TABLE aif_workflow_run ADD COLUMN on_fail VARCHAR(16);
-- The failure handed to the hook (JSON of a WorkflowFailure): step, attempt, exception, message, stack trace.
ALTER TABLE aif_workflow_run ADD COLUMN failure CLOB;
