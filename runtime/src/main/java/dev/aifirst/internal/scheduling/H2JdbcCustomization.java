package dev.aifirst.internal.scheduling;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.Queries;

/**
 * db-scheduler on H2. db-scheduler does not support H2 officially and would fall back to fetch
 * polling; H2 2.x understands {@code FOR UPDATE SKIP LOCKED}, so lock-and-fetch (one round trip to
 * pick a batch) works as on PostgreSQL.
 */
public final class H2JdbcCustomization extends DefaultJdbcCustomization {

    public H2JdbcCustomization() {
        super(true);
    }

    @Override
    public String getName() {
        return "H2";
    }

    @Override
    public boolean supportsGenericLockAndFetch() {
        return true;
    }

    @Override
    public String createGenericSelectForUpdateQuery(String tableName, int limit, String requiredAndCondition,
            boolean orderByPriority) {
        return Queries.selectForUpdate(tableName, Queries.ansiSqlOrderPart(orderByPriority),
                Queries.ansiSqlLimitPart(limit), requiredAndCondition, null, null, " FOR UPDATE SKIP LOCKED ");
    }
}
