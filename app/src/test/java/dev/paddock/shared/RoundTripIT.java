package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Statements of several writers sent together, on the real database, in the caller's transaction. */
@SpringBootTest
@ActiveProfiles("test")
class RoundTripIT {

    @Autowired
    JdbcOperations operations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    final String prefix = "trip-" + UUID.randomUUID() + "-";

    @Test
    void statementsRunInTheOrderAddedWithTheirOwnNamedParametersNullsIncludedAndEachGetsItsRowCount() {
        List<Integer> counts = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> new RoundTrip(operations)
                .add("""
                        insert into mail.outbox (recipient, subject, body, created_at)
                        select r, 'first', 'body', :at from unnest(:to::text[]) as t(r)""",
                        Map.of("to", new String[] {prefix + "a", prefix + "b"}, "at", now()), counts::add)
                .add("update mail.outbox set subject = :subject where recipient like :like",
                        Map.of("subject", "second", "like", prefix + "%"), counts::add)
                .add("insert into mail.outbox (recipient, subject, body, created_at) values (:to, :to,"
                        + " coalesce(:body, 'c'), :at)", parameters("to", prefix + "c", "body", null, "at", now()),
                        counts::add)
                .execute());

        assertThat(counts).as("rows of each statement, in order").containsExactly(2, 2, 1);
        assertThat(jdbc.sql("select recipient || ':' || subject from mail.outbox where recipient like ? order by 1")
                .param(prefix + "%").query(String.class).list())
                .as("the update ran after the first insert and before the second")
                .containsExactly(prefix + "a:second", prefix + "b:second", prefix + "c:" + prefix + "c");
    }

    @Test
    void aFailingStatementOrACountRefusedFailsTheWholeTripAndTheTransactionKeepsNothing() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> new RoundTrip(operations)
                .add("insert into mail.outbox (recipient, subject, body, created_at) values (:to, 's', 'b', :at)",
                        Map.of("to", prefix + "kept?", "at", now()), count -> { })
                .add("update mail.outbox set created_at = null where recipient = :to", Map.of("to", prefix + "kept?"),
                        count -> { })
                .execute())).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> new RoundTrip(operations)
                .add("insert into mail.outbox (recipient, subject, body, created_at) values (:to, 's', 'b', :at)",
                        Map.of("to", prefix + "refused", "at", now()), count -> {
                            throw new IllegalStateException("refused at " + count);
                        })
                .execute())).hasMessage("refused at 1");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> new RoundTrip(operations)
                .add("select 1 where :x = 1", Map.of("x", 1), count -> { }).execute()))
                .hasMessageContaining("returned rows");

        assertThat(jdbc.sql("select count(*) from mail.outbox where recipient like ?").param(prefix + "%")
                .query(Long.class).single()).isZero();
        RoundTrip empty = new RoundTrip(operations);
        assertThat(empty.isEmpty()).isTrue();
        empty.execute();
    }

    /** Named parameters, null values allowed. */
    private static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
