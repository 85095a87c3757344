-- Core: db-scheduler's table (db-scheduler 16 layout; its DDL is not shipped in its jar)
-- Named by a placeholder: AiFirst.builder().schedulerTable(...) for the runtime, a placeholder of the
-- same name for Flyway, a changelog property for Liquibase. When the runtime finds the table already
-- there (an application's own db-scheduler table), it checks its columns and skips this script.
CREATE TABLE IF NOT EXISTS ${aifirst_scheduler_table} (
  task_name VARCHAR(250) NOT NULL,
  task_instance VARCHAR(250) NOT NULL,
  task_data BLOB,
  execution_time TIMESTAMP WITH TIME ZONE,
  picked BOOLEAN NOT NULL,
  picked_by VARCHAR(50),
  last_success TIMESTAMP WITH TIME ZONE,
  last_failure TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  priority SMALLINT,
  state VARCHAR(50),
  PRIMARY KEY (task_name, task_instance)
);
-- Index names carry the table's, so that a second db-scheduler table in the schema gets its own.
CREATE INDEX IF NOT EXISTS ${aifirst_scheduler_table}_execution_time_idx ON ${aifirst_scheduler_table} (execution_time);
CREATE INDEX IF NOT EXISTS ${aifirst_scheduler_table}_last_heartbeat_idx ON ${aifirst_scheduler_table} (last_heartbeat);
