package dev.paddock.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WalPreallocationTest {

    private static final long MB = 1L << 20;

    @Test
    void readsSizesAsPostgresqlDoes() {
        assertThat(WalPreallocation.bytes("80MB")).isEqualTo(80 * MB);
        assertThat(WalPreallocation.bytes("1GB")).isEqualTo(1024 * MB);
        assertThat(WalPreallocation.bytes("2TB")).isEqualTo(2L * 1024 * 1024 * MB);
        assertThat(WalPreallocation.bytes("512kB")).isEqualTo(512 * 1024);
        assertThat(WalPreallocation.bytes("4096B")).isEqualTo(4096);
        assertThat(WalPreallocation.bytes(" 64 MB ")).isEqualTo(64 * MB);
        // a bare number is in MB, the unit of min_wal_size and max_wal_size
        assertThat(WalPreallocation.bytes("2048")).isEqualTo(2048 * MB);
    }

    @Test
    void refusesWhatPostgresqlRefuses() {
        // PostgreSQL's units are case-sensitive and whole numbers only
        for (String bad : new String[] {"1gb", "1.5GB", "1 GiB", "", "MB", "-1GB"}) {
            assertThatThrownBy(() -> WalPreallocation.bytes(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void writesMegabytesRoundedUp() {
        assertThat(WalPreallocation.megabytes(2048 * MB)).isEqualTo("2048MB");
        assertThat(WalPreallocation.megabytes(MB + 1)).isEqualTo("2MB");
        assertThat(WalPreallocation.megabytes(1)).isEqualTo("1MB");
    }

    @Test
    void raisesMinWalSizeToThePreallocation() {
        Map<String, String> server = Map.of("min-wal-size", "80MB", "max-wal-size", "4GB");
        assertThat(WalPreallocation.minWalSize(2048 * MB, server)).isEqualTo("2048MB");
    }

    @Test
    void keepsALargerMinWalSize() {
        Map<String, String> server = Map.of("min-wal-size", "3GB", "max-wal-size", "4GB");
        assertThat(WalPreallocation.minWalSize(2048 * MB, server)).isEqualTo("3GB");
    }

    @Test
    void readsPostgresqlDefaultsWhenNotConfigured() {
        // PostgreSQL's own: min_wal_size 80MB, max_wal_size 1GB
        assertThat(WalPreallocation.minWalSize(512 * MB, Map.of())).isEqualTo("512MB");
        assertThat(WalPreallocation.minWalSize(64 * MB, Map.of())).isEqualTo("80MB");
        assertThatThrownBy(() -> WalPreallocation.minWalSize(2048 * MB, Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("max_wal_size (1GB)");
    }

    @Test
    void refusesMoreThanMaxWalSize() {
        Map<String, String> server = Map.of("max-wal-size", "1GB");
        assertThatThrownBy(() -> WalPreallocation.minWalSize(1025 * MB, server))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wal-preallocate (1025MB)")
                .hasMessageContaining("PADDOCK_DB_MAX_WAL_SIZE");
        assertThat(WalPreallocation.minWalSize(1024 * MB, server)).isEqualTo("1024MB");
    }
}
