-- The W3C trace context (traceparent) of the transaction that last armed an event, and of what
-- started a run: its handlers and steps run in spans that are children of it.
ALTER TABLE aif_event ADD COLUMN trace_parent VARCHAR(64);
ALTER TABLE aif_workflow_run ADD COLUMN trace_parent VARCHAR(64);
