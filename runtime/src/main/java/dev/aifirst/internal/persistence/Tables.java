package dev.aifirst.internal.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** What the JDBC metadata says about tables in the connection's current schema, by unquoted name. */
final class Tables {

    private Tables() {
    }

    /** Whether {@code table} exists. */
    static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), pattern(meta, table), null)) {
            return rs.next();
        }
    }

    /** The columns of {@code table}, lower-cased; empty if it does not exist. */
    static Set<String> columns(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Set<String> columns = new TreeSet<>();
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), pattern(meta, table), null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** The tables whose names begin with {@code prefix}, lower-cased. */
    static Set<String> named(Connection connection, String prefix) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), pattern(meta, prefix) + "%",
                new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /**
     * A metadata search pattern that matches exactly the unquoted identifier: in the case the database
     * stores it in (H2 upper, PostgreSQL lower), with {@code _}, a wildcard in patterns, escaped.
     */
    private static String pattern(DatabaseMetaData meta, String identifier) throws SQLException {
        String stored = identifier;
        if (meta.storesUpperCaseIdentifiers()) {
            stored = identifier.toUpperCase(Locale.ROOT);
        } else if (meta.storesLowerCaseIdentifiers()) {
            stored = identifier.toLowerCase(Locale.ROOT);
        }
        return stored.replace("_", meta.getSearchStringEscape() + "_");
    }
}
