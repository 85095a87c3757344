package dev.aifirst.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the runtime supports. Each has its own migrations under {@code db/aifirst/<folder>}. */
public enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The folder of this dialect's migrations. */
    public String folder() {
        return folder;
    }

    /** Detects the dialect from the JDBC driver's product name. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("AI-First supports H2 and PostgreSQL; this database is "
                + connection.getMetaData().getDatabaseProductName());
    }
}
