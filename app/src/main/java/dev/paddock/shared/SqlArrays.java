package dev.paddock.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Binds columns of a batch as array parameters (for {@code unnest(?::bigint[], ?::text[], ...)}) in the form
 * pgjdbc sends best: {@code long[]} and {@code String[]} in PostgreSQL's binary array format (no text built element
 * by element on our side, no parsing on the server's), {@code UUID[]} in the same format by {@link UuidArray}
 * (pgjdbc 42.7 has no encoder of its own for uuid arrays; the pool enables binary transfer of {@code uuid[]}).
 * An {@code Object[]} column would go as text whatever its elements.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** Binds each column, in order, from parameter {@code first} on; a column is a long[], String[] or UUID[]. */
    public static void bind(Connection connection, PreparedStatement statement, int first, Object... columns)
            throws SQLException {
        int p = first;
        for (Object column : columns) {
            switch (column) {
                case long[] values -> statement.setObject(p, values);
                case String[] values -> statement.setArray(p, connection.createArrayOf("text", values));
                case UUID[] values -> statement.setObject(p, uuids(values));
                default -> throw new IllegalArgumentException("Not an array column: " + column);
            }
            p++;
        }
    }

    /** A {@code uuid[]} parameter value for {@link PreparedStatement#setObject(int, Object)}, sent binary. */
    public static Object uuids(UUID[] values) {
        return new UuidArray(values);
    }
}
