package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Columns bound by {@link SqlArrays} come back from {@code unnest} row by row as they were, whatever they hold. */
@SpringBootTest
@ActiveProfiles("test")
class SqlArraysIT {

    @Autowired
    JdbcTemplate jdbc;

    record Row(UUID id, String text, long number) {
    }

    @Test
    void columnsComeBackFromUnnestRowByRow() {
        UUID[] ids = {UUID.randomUUID(), new UUID(-1L, Long.MIN_VALUE), null, new UUID(0, 0)};
        String[] texts = {"plain", "a \"quoted\", {braced} \\ back\\slashed", null, "é€ NULL"};
        long[] numbers = {0, Long.MIN_VALUE, Long.MAX_VALUE, -42};

        List<Row> rows = jdbc.execute((ConnectionCallback<List<Row>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select * from unnest(?::uuid[], ?::text[], ?::bigint[]) with ordinality as t(i, s, n, o) order by o")) {
                SqlArrays.bind(connection, statement, 1, ids, texts, numbers);
                List<Row> found = new ArrayList<>();
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)));
                    }
                }
                return found;
            }
        });

        assertThat(rows).containsExactly(new Row(ids[0], texts[0], numbers[0]), new Row(ids[1], texts[1], numbers[1]),
                new Row(null, null, numbers[2]), new Row(ids[3], texts[3], numbers[3]));
    }

    @Test
    void uuidArraysReadTheSameOnceTheStatementIsServerPreparedAndBinary() {
        // pgjdbc asks for binary results (uuid[] is in the pool's binaryTransferEnable) from a statement's 5th run
        // on one connection; the stores read uuid[] columns (a Big 5's legs) as Object[] of UUID either way
        UUID[] legs = {UUID.randomUUID(), UUID.randomUUID(), new UUID(-1L, 1L), UUID.randomUUID(), UUID.randomUUID()};
        List<List<Object>> reads = jdbc.execute((ConnectionCallback<List<List<Object>>>) connection -> {
            List<List<Object>> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("select ?::uuid[] as legs")) {
                for (int run = 0; run < 10; run++) {
                    SqlArrays.bind(connection, statement, 1, (Object) legs);
                    try (var rs = statement.executeQuery()) {
                        rs.next();
                        found.add(List.of((Object[]) rs.getArray("legs").getArray()));
                    }
                }
            }
            return found;
        });
        assertThat(reads).hasSize(10).allSatisfy(read -> assertThat(read).containsExactly((Object[]) legs));
    }

    @Test
    void emptyColumnsGiveNoRows() {
        Integer count = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select count(*)::int from unnest(?::uuid[], ?::text[], ?::bigint[])")) {
                SqlArrays.bind(connection, statement, 1, new UUID[0], new String[0], new long[0]);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        assertThat(count).isZero();
    }

    @Test
    void aColumnOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select ?::bigint[]")) {
                SqlArrays.bind(connection, statement, 1, (Object) new Object[] {1L});
            }
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not an array column");
    }
}
