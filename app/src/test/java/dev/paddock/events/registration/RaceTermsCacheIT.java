package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.fields.AnswerSchemas;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * A race's terms served from memory for at most {@code terms-ttl}, read again in the background when asked for in
 * the second half of that time: the request goes on with the terms it has, the next one gets the new terms. Time
 * is the cache's own ticker, moved by hand.
 */
@SpringBootTest
@ActiveProfiles("test")
class RaceTermsCacheIT {

    static final Duration TTL = Duration.ofSeconds(2);

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    AnswerSchemas schemas;

    @Autowired
    DataSource dataSource;

    final AtomicLong nanos = new AtomicLong();
    RaceTermsCache cache;
    RegistrationFixtures.Race race;

    @BeforeEach
    void aRaceAndACacheOfItsOwn() {
        cache = new RaceTermsCache(jdbc, json, schemas,
                new RegistrationProperties(TTL, Duration.ofSeconds(1), 2048, 256, 2048, 32, 4, Duration.ofSeconds(5)),
                nanos::get);
        race = fixtures.race().create();
    }

    @Test
    void withinHalfItsLifeARaceIsServedFromMemory() {
        assertThat(name()).isEqualTo("Marathon");
        rename("Half marathon");
        nanos.addAndGet(TTL.dividedBy(2).toNanos() - 1);

        assertThat(name()).isEqualTo("Marathon");
        assertThat(bySlug()).isEqualTo("Marathon");
    }

    @Test
    void askedForInTheSecondHalfItIsReadAgainWhileTheRequestGoesOnWithTheTermsItHas() throws Exception {
        assertThat(name()).isEqualTo("Marathon");
        assertThat(bySlug()).isEqualTo("Marathon");
        rename("Half marathon");
        nanos.addAndGet(TTL.dividedBy(2).toNanos() + 1);

        // the reload waits for a lock held elsewhere: the request does not wait with it
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().execute("lock table events.price_tiers in access exclusive mode");
            try (ExecutorService request = Executors.newSingleThreadExecutor()) {
                assertThat(request.submit(this::name).get(5, TimeUnit.SECONDS)).isEqualTo("Marathon");
            }
            other.rollback();
        }
        assertThat(eventually("Half marathon")).isEqualTo("Half marathon");
    }

    @Test
    void neverOlderThanItsLifeEvenWhenNobodyAskedMeanwhile() {
        assertThat(name()).isEqualTo("Marathon");
        rename("Half marathon");
        nanos.addAndGet(TTL.toNanos());

        assertThat(name()).isEqualTo("Half marathon");
    }

    @Test
    void aRaceCodeIsFoundByItsEventAndCodeAndAnUnknownOneIsEmpty() {
        assertThat(cache.race(race.slug, race.code).map(RaceTerms::raceId)).contains(race.raceId);
        assertThat(cache.race(race.slug, "no-such-race")).isEmpty();
        assertThat(cache.race(race.slug + "x", race.code)).isEmpty();
    }

    private String name() {
        return cache.race(race.raceId).map(RaceTerms::name).orElseThrow();
    }

    private String bySlug() {
        return cache.race(race.slug, race.code).map(RaceTerms::name).orElseThrow();
    }

    private void rename(String name) {
        jdbc.sql("update events.races set name = ? where id = ?").params(name, race.raceId).update();
    }

    /** The name once the background read has landed (the ticker stands still meanwhile), or the last one seen. */
    private String eventually(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Optional<RaceTerms> terms = cache.race(race.raceId);
        while (!terms.map(RaceTerms::name).orElseThrow().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            terms = cache.race(race.raceId);
        }
        return terms.map(RaceTerms::name).orElseThrow();
    }
}
