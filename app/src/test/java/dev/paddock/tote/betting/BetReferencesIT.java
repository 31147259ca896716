package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The references of bets and pool totals are checked once per insert statement (tote V17) instead of by foreign
 * keys, and a pool or race that may have taken bets cannot be deleted.
 */
@SpringBootTest
@ActiveProfiles("test")
class BetReferencesIT {

    @Autowired
    ToteFixtures tote;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBetIsStoredOnlyWithAPoolAndARaceThatExist() {
        RaceCard race = tote.openRace();
        UUID pool = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT).id();

        insertBets(pool, race.id(), pool, race.id());
        assertThatThrownBy(() -> insertBets(pool, race.id(), UUID.randomUUID(), race.id()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> insertBets(pool, race.id(), pool, UUID.randomUUID()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("does not exist");
        assertThat(jdbc.sql("select count(*) from tote.bets where pool_id = ?").param(pool).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aPoolTotalIsStoredOnlyForAPoolThatExists() {
        UUID pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT).id();

        jdbc.sql("""
                insert into tote.pool_totals (pool_id, combination_key, stake_cents)
                select * from unnest(?::uuid[], array[1, 2]::bigint[], array[100, 200]::bigint[])""")
                .param(new UUID[] {pool, pool}).update();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into tote.pool_totals (pool_id, combination_key, stake_cents)
                select * from unnest(?::uuid[], array[3, 4]::bigint[], array[100, 200]::bigint[])""")
                .param(new UUID[] {pool, UUID.randomUUID()}).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("does not exist");
        assertThat(tote.poolTotal(pool)).isEqualTo(300);
    }

    @Test
    void onlyThePoolsAndRacesOfARaceNeverOpenedCanBeDeleted() {
        RaceCard scheduled = tote.scheduledRace(Duration.ofHours(3));
        RaceCard open = tote.openRace();
        PoolCard neverOpen = ToteFixtures.pool(scheduled, BetType.SIMPLE_PLACE);
        PoolCard takingBets = ToteFixtures.pool(open, BetType.SIMPLE_PLACE);

        assertThat(jdbc.sql("delete from tote.pools where id = ?").param(neverOpen.id()).update()).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("delete from tote.pools where id = ?").param(takingBets.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from tote.races where id = ?").param(open.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("cannot be deleted");
        assertThat(jdbc.sql("select count(*) from tote.pools where race_id = ?").param(open.id()).query(Long.class)
                .single()).isEqualTo(open.pools().size());
    }

    /** Two bets in one statement, as the writers store a batch. */
    private void insertBets(UUID firstPool, UUID firstRace, UUID secondPool, UUID secondRace) {
        UUID account = UUID.randomUUID();
        jdbc.sql("""
                insert into tote.bets (id, account_id, request_id, fingerprint, pool_id, race_id, bet_type, formulation,
                    combinations, unit_stake_cents, total_stake_cents, channel, status, placed_at, batch)
                select gen_random_uuid(), ?, r, 'test', p, c, 'SIMPLE_GAGNANT', 'U:1', 1, 150, 150, 'WEB', 'REFUSED',
                    now(), 0
                from unnest(array['one', 'two'], ?::uuid[], ?::uuid[]) as t(r, p, c)""")
                .params(account, new UUID[] {firstPool, secondPool}, new UUID[] {firstRace, secondRace}).update();
    }
}
