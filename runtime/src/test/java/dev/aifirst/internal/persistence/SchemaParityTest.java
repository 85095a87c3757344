package dev.aifirst.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The H2 and PostgreSQL migration scripts declare the same schema: a fresh database of each kind is
 * migrated with {@link Migrations}, read back through {@link DatabaseMetaData} (the runtime's tables
 * only: {@code aif_%} and {@code scheduled_tasks}), and the two descriptions compared: tables, columns
 * (name, type family, nullability, identity), primary keys and indexes (name, columns in order,
 * uniqueness).
 *
 * <p>Not a {@code @DatabaseTest}: it needs both databases at once, so it runs once, in the plain test
 * run, and is skipped with a message when PostgreSQL (at {@code aifirst.test.pg.url}) is not reachable.
 * Storage settings that only PostgreSQL has (such as a table's fillfactor) are not part of the
 * comparison.
 */
class SchemaParityTest {

    @Test
    void h2AndPostgresqlMigrationsDeclareTheSameSchema() throws SQLException {
        SortedMap<String, String> h2;
        try (TestDatabase db = TestDatabase.h2()) {
            h2 = migratedSchema(db);
        }
        SortedMap<String, String> postgresql;
        TestDatabase pg;
        try {
            pg = TestDatabase.postgres(); // a fresh schema, dropped on close
        } catch (TestAbortedException unreachable) {
            throw new TestAbortedException("H2/PostgreSQL schema parity not checked: " + unreachable.getMessage());
        }
        try (TestDatabase db = pg) {
            postgresql = migratedSchema(db);
        }

        assertThat(h2).as("the H2 schema as read back").containsKeys("table scheduled_tasks", "table aif_schema_version");
        assertThat(postgresql).as("the PostgreSQL schema as read back")
                .containsKeys("table scheduled_tasks", "table aif_schema_version");

        List<String> differences = differences(h2, postgresql);
        assertThat(differences)
                .withFailMessage("The H2 and PostgreSQL migrations differ (%d):%n  %s", differences.size(),
                        String.join(System.lineSeparator() + "  ", differences))
                .isEmpty();
    }

    private static SortedMap<String, String> migratedSchema(TestDatabase db) throws SQLException {
        new Migrations(new Database(db.dataSource())).migrate();
        try (Connection connection = db.dataSource().getConnection()) {
            return SchemaDescription.of(connection);
        }
    }

    /** One line per fact on which the two schemas disagree, or that only one of them has. */
    static List<String> differences(Map<String, String> h2, Map<String, String> postgresql) {
        Set<String> keys = new TreeSet<>(h2.keySet());
        keys.addAll(postgresql.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            String left = h2.getOrDefault(key, "(absent)");
            String right = postgresql.getOrDefault(key, "(absent)");
            if (!left.equals(right)) {
                differences.add(key + ": h2 says " + left + ", postgresql says " + right);
            }
        }
        return differences;
    }

    /**
     * A schema as a sorted map of facts, keyed so that the same fact has the same key in both
     * dialects: {@code table t}, {@code t.column}, {@code t primary key}, {@code t index name}.
     * Identifiers are lower-cased (H2 folds unquoted ones to upper case, PostgreSQL to lower).
     */
    static final class SchemaDescription {

        static SortedMap<String, String> of(Connection connection) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            Map<String, String> constraintIndexes = Dialect.of(connection) == Dialect.H2
                    ? h2ConstraintIndexes(connection, schema) : Map.of();
            SortedMap<String, String> facts = new TreeMap<>();
            for (String table : tables(meta, schema)) {
                facts.put("table " + lower(table), "present");
                describeColumns(meta, schema, table, facts);
                String primaryKeyName = describePrimaryKey(meta, schema, table, facts);
                describeIndexes(meta, schema, table, primaryKeyName, constraintIndexes, facts);
            }
            return facts;
        }

        private static List<String> tables(DatabaseMetaData meta, String schema) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    String lower = lower(name);
                    if (lower.startsWith("aif_") || lower.equals("scheduled_tasks")) {
                        tables.add(name);
                    }
                }
            }
            return tables;
        }

        private static void describeColumns(DatabaseMetaData meta, String schema, String table,
                                            Map<String, String> facts) throws SQLException {
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    String type = family(rs.getString("TYPE_NAME"));
                    boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                    boolean identity = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                    facts.put(lower(table) + "." + lower(rs.getString("COLUMN_NAME")),
                            type + (nullable ? " null" : " not null") + (identity ? " identity" : ""));
                }
            }
        }

        /** Describes the table's primary key, if any, and returns its name. */
        private static String describePrimaryKey(DatabaseMetaData meta, String schema, String table,
                                                 Map<String, String> facts) throws SQLException {
            TreeMap<Integer, String> columns = new TreeMap<>();
            String name = null;
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                while (rs.next()) {
                    columns.put(rs.getInt("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
                    name = rs.getString("PK_NAME");
                }
            }
            if (!columns.isEmpty()) {
                facts.put(lower(table) + " primary key", "(" + String.join(", ", columns.values()) + ")");
            }
            return name == null ? null : lower(name);
        }

        /**
         * H2 names the index behind a constraint {@code <constraint>_INDEX_<n>}; PostgreSQL gives it
         * the constraint's name. This maps H2's index names to their constraints' names.
         */
        private static Map<String, String> h2ConstraintIndexes(Connection connection, String schema)
                throws SQLException {
            Map<String, String> names = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT INDEX_NAME, CONSTRAINT_NAME"
                    + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ? AND INDEX_NAME IS NOT NULL")) {
                query.setString(1, schema);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        names.put(lower(rs.getString(1)), lower(rs.getString(2)));
                    }
                }
            }
            return names;
        }

        /**
         * Indexes by name (an index behind a constraint by the constraint's name), except the one
         * behind the primary key, which is compared as the primary key: each database names it its
         * own way ({@code CONSTRAINT_n}, {@code <table>_pkey}).
         */
        private static void describeIndexes(DatabaseMetaData meta, String schema, String table,
                                            String primaryKeyName, Map<String, String> constraintIndexes,
                                            Map<String, String> facts) throws SQLException {
            Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                while (rs.next()) {
                    if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                        continue;
                    }
                    String index = lower(rs.getString("INDEX_NAME"));
                    String name = constraintIndexes.getOrDefault(index, index);
                    String column = lower(rs.getString("COLUMN_NAME"))
                            + ("D".equals(rs.getString("ASC_OR_DESC")) ? " desc" : "");
                    columns.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column);
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            for (Map.Entry<String, TreeMap<Integer, String>> index : columns.entrySet()) {
                if (index.getKey().equals(primaryKeyName)) {
                    continue;
                }
                facts.put(lower(table) + " index " + index.getKey(), (unique.get(index.getKey()) ? "unique " : "")
                        + "(" + String.join(", ", index.getValue().values()) + ")");
            }
        }

        /**
         * The type family of a column, from the type name each database reports. Only genuine
         * equivalents share a family; a type not listed here is reported under its own name, so it
         * can only match the same name.
         */
        static String family(String typeName) {
            String type = typeName.toLowerCase(Locale.ROOT);
            switch (type) {
                case "character varying": // H2 VARCHAR
                case "varchar":           // PostgreSQL VARCHAR(n)
                case "text":              // PostgreSQL TEXT (unbounded)
                case "character large object": // H2 CLOB (unbounded)
                    return "text";
                case "binary large object": // H2 BLOB
                case "bytea":
                    return "binary";
                case "smallint":
                case "int2":
                    return "smallint";
                case "integer":
                case "int4":
                    return "integer";
                case "bigint":
                case "int8":
                    return "bigint";
                case "double precision":
                case "float8":
                    return "double";
                case "boolean":
                case "bool":
                    return "boolean";
                case "timestamp":
                    return "timestamp";
                case "timestamp with time zone":
                case "timestamptz":
                    return "timestamp with time zone";
                default:
                    return "unmapped type " + type;
            }
        }

        private static String lower(String identifier) {
            return identifier.toLowerCase(Locale.ROOT);
        }
    }
}
