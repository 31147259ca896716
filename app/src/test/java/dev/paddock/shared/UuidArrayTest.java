package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidArrayTest {

    private static final UUID A = new UUID(0x0123456789abcdefL, 0xfedcba9876543210L);

    private static ByteBuffer written(UuidArray array) {
        byte[] bytes = new byte[array.lengthInBytes() + 3];
        array.toBytes(bytes, 3);
        return ByteBuffer.wrap(bytes, 3, bytes.length - 3);
    }

    @Test
    void writesOneDimensionWithEachElementsLengthAndBytesAndMinusOneForNull() {
        UuidArray array = new UuidArray(new UUID[] {A, null});
        assertThat(array.lengthInBytes()).isEqualTo(20 + 4 + 16 + 4);
        ByteBuffer in = written(array);
        assertThat(new int[] {in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.getInt()})
                .containsExactly(1, 1, 2950, 2, 1);
        assertThat(in.getInt()).isEqualTo(16);
        assertThat(new UUID(in.getLong(), in.getLong())).isEqualTo(A);
        assertThat(in.getInt()).isEqualTo(-1);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void anArrayWithoutNullsSaysSo() {
        ByteBuffer in = written(new UuidArray(new UUID[] {A}));
        assertThat(new int[] {in.getInt(), in.getInt(), in.getInt()}).containsExactly(1, 0, 2950);
    }

    @Test
    void anEmptyArrayHasNoDimension() {
        UuidArray array = new UuidArray(new UUID[0]);
        assertThat(array.lengthInBytes()).isEqualTo(12);
        ByteBuffer in = written(array);
        assertThat(new int[] {in.getInt(), in.getInt(), in.getInt()}).containsExactly(0, 0, 2950);
    }

    @Test
    void theTextFormIsPostgresqlsArrayLiteral() {
        assertThat(new UuidArray(new UUID[] {A, null}).getValue())
                .isEqualTo("{01234567-89ab-cdef-fedc-ba9876543210,NULL}");
        assertThat(new UuidArray(new UUID[0]).getValue()).isEqualTo("{}");
        assertThat(new UuidArray(new UUID[0]).getType()).isEqualTo("_uuid");
    }

    @Test
    void readsBackWhatItWrites() {
        for (UUID[] values : new UUID[][] {{A, null, new UUID(-1L, 0L)}, {A}, {}}) {
            UuidArray written = new UuidArray(values);
            byte[] bytes = new byte[written.lengthInBytes() + 3];
            written.toBytes(bytes, 3);
            UuidArray read = new UuidArray();
            read.setByteValue(bytes, 3);
            assertThat(read.values()).containsExactly(values);
            assertThat(read.getValue()).isEqualTo(written.getValue());
        }
    }

    @Test
    void refusesAnotherElementType() {
        byte[] bigints = ByteBuffer.allocate(12).putInt(0).putInt(0).putInt(20).array();
        assertThatThrownBy(() -> new UuidArray().setByteValue(bigints, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
