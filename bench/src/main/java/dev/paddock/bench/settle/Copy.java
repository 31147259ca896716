package dev.paddock.bench.settle;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/** One {@code COPY ... FROM STDIN (FORMAT csv)}, fed line by line and sent in blocks of about a megabyte. */
final class Copy implements AutoCloseable {

    private static final int BLOCK = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder block = new StringBuilder(BLOCK + 4096);
    private long rows;

    Copy(CopyManager copies, String table, String columns) throws SQLException {
        this.copy = copies.copyIn("copy " + table + " (" + columns + ") from stdin (format csv)");
    }

    /** One row; values are written as they are, so a value holding a comma must come quoted. */
    Copy row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                block.append(',');
            }
            block.append(values[i]);
        }
        block.append('\n');
        rows++;
        if (block.length() >= BLOCK) {
            flush();
        }
        return this;
    }

    static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private void flush() throws SQLException {
        byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        block.setLength(0);
    }

    /** Ends the copy; returns the rows copied. */
    @Override
    public void close() throws SQLException {
        flush();
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new SQLException("copied " + copied + " rows of " + rows);
        }
    }
}
