package dev.aifirst.internal.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The JDBC conversions every store shares: instants as UTC timestamps, nullable numbers. */
public final class Sql {

    private Sql() {
    }

    /**
     * The database keeps microseconds; an instant is written rounded down to them, so work written
     * as due "now" is never read back as a fraction of a microsecond in the future.
     */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A timestamp column as an instant, or {@code null}. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Executes a bound query and reads every row it returns, in order. */
    public static <T> List<T> list(PreparedStatement statement, RowReader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
        }
        return rows;
    }

    /** A nullable double column. */
    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** A nullable integer column. */
    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Binds {@code parameters} from index 1; instants become timestamps, a null double a typed null. */
    public static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        bindFrom(s, 1, parameters);
    }

    /** Binds {@code parameters} from index {@code first}; returns the next index. */
    public static int bindFrom(PreparedStatement s, int first, Object... parameters) throws SQLException {
        int i = first;
        for (Object value : parameters) {
            if (value instanceof Instant instant) {
                s.setObject(i++, timestamp(instant));
            } else {
                s.setObject(i++, value);
            }
        }
        return i;
    }

    /** Binds a nullable double. */
    public static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }
}
