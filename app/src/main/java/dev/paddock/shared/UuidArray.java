package dev.paddock.shared;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A {@code uuid[]} parameter in PostgreSQL's binary array format (what {@code array_recv} reads: one dimension,
 * lower bound 1, each element its length and its 16 bytes, or -1 for null), which pgjdbc sends as it is when
 * binary transfer is on for {@code uuid[]} (oid 2951, the pool's {@code binaryTransferEnable}); otherwise pgjdbc
 * sends {@link #getValue()}, the text form.
 */
final class UuidArray extends PGobject implements PGBinaryObject {

    private static final int UUID_OID = 2950;

    private UUID[] values;

    /** For pgjdbc, which makes a registered type's objects empty, then reads them with {@link #setByteValue}. */
    public UuidArray() {
        this(new UUID[0]);
    }

    UuidArray(UUID[] values) {
        this.values = values;
        this.type = "_uuid";
    }

    @Override
    public int lengthInBytes() {
        return values.length == 0 ? 12 : 20 + values.length * 4 + 16 * (int) Arrays.stream(values)
                .filter(Objects::nonNull).count();
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        ByteBuffer out = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        boolean nulls = Arrays.stream(values).anyMatch(Objects::isNull);
        out.putInt(values.length == 0 ? 0 : 1).putInt(nulls ? 1 : 0).putInt(UUID_OID);
        if (values.length == 0) {
            return;
        }
        out.putInt(values.length).putInt(1);
        for (UUID value : values) {
            if (value == null) {
                out.putInt(-1);
            } else {
                out.putInt(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
            }
        }
    }

    /** Reads the format {@link #toBytes} writes (one dimension or none), as {@code array_send} sends it. */
    @Override
    public void setByteValue(byte[] value, int offset) {
        ByteBuffer in = ByteBuffer.wrap(value, offset, value.length - offset);
        int dimensions = in.getInt();
        in.getInt(); // has nulls
        if (in.getInt() != UUID_OID || dimensions > 1) {
            throw new IllegalArgumentException("Not a one-dimensional uuid[]");
        }
        UUID[] read = new UUID[dimensions == 0 ? 0 : in.getInt()];
        if (dimensions == 1) {
            in.getInt(); // lower bound
        }
        for (int i = 0; i < read.length; i++) {
            read[i] = in.getInt() < 0 ? null : new UUID(in.getLong(), in.getLong());
        }
        values = read;
    }

    /** The elements, nulls included. */
    UUID[] values() {
        return values.clone();
    }

    @Override
    public String getValue() {
        StringJoiner text = new StringJoiner(",", "{", "}");
        for (UUID value : values) {
            text.add(value == null ? "NULL" : value.toString());
        }
        return text.toString();
    }
}
