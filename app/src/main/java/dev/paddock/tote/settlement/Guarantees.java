package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.BetType;
import dev.paddock.shared.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guaranteed net pool of a Big 5, set by operators until the pool is settled. When the stakes fall short, the
 * Big 5 reserve fund tops the pool up, then the operator (both recorded in the pool's settlement).
 */
@Component
class Guarantees {

    private final JdbcClient jdbc;
    private final SettlementStore store;

    Guarantees(JdbcClient jdbc, SettlementStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Transactional
    void guarantee(UUID poolId, Long cents) {
        if (cents == null || cents < 0) {
            throw ProblemException.field("amount", "min", "The guaranteed pool is 0 or more cents.");
        }
        if (store.pool(poolId).isEmpty()) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "There is no pool " + poolId + ".");
        }
        PoolRow pool = store.lockPool(poolId, "update");
        if (pool.type() != BetType.BIG5) {
            throw ProblemException.of(HttpStatus.CONFLICT, "not-guaranteed",
                    "Only a Big 5 pool carries a guaranteed minimum; this pool is " + pool.type() + ".");
        }
        boolean computed = jdbc.sql("select exists (select 1 from tote.pool_settlements where pool_id = :pool)")
                .param("pool", poolId).query(Boolean.class).single();
        if (computed) {
            throw ProblemException.of(HttpStatus.CONFLICT, "pool-settled",
                    "The pool's dividends are computed already: its guarantee can no longer change.");
        }
        jdbc.sql("update tote.pools set guaranteed_cents = :cents, version = version + 1 where id = :pool")
                .param("cents", cents).param("pool", poolId).update();
    }
}
