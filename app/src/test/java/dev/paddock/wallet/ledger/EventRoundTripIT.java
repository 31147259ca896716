package dev.paddock.wallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountRegistered;
import dev.paddock.shared.Money;
import dev.paddock.tote.DividendsPublished;
import dev.paddock.tote.ResultOfficial;
import dev.paddock.tote.ResultProvisional;
import dev.paddock.wallet.WalletMovementRecorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.context.ActiveProfiles;

/**
 * The event publication registry stores events as JSON and reads them back to retry a listener, possibly
 * in another version of the application. Every event must survive the trip with the application's own
 * serializer (which rejects unknown properties): a derived getter leaking into the JSON once made stored
 * withdrawals unreadable.
 */
@SpringBootTest
@ActiveProfiles("test")
class EventRoundTripIT {

    @Autowired
    EventSerializer serializer;

    @Test
    void everyEventReadsBackEqualToWhatWasStored() {
        AccountId account = AccountId.random();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Object> events = List.of(
                new WithdrawalRecorded(UUID.randomUUID(), account, Money.ofCents(-12_34).negate()),
                new WalletMovementRecorded(account, UUID.randomUUID(), "DEPOSIT", 50_00, 150_00, at),
                new AccountRegistered(account, "round@trip.example", at),
                new ResultProvisional(UUID.randomUUID(), 2, at),
                new ResultOfficial(UUID.randomUUID(), 3, at),
                new DividendsPublished(UUID.randomUUID(), List.of(new DividendsPublished.Pool(UUID.randomUUID(),
                        "TIERCE", "ONLINE", false, List.of(new DividendsPublished.Dividend("ordre", "3-1-7", 12_340),
                                new DividendsPublished.Dividend("désordre", "1-3-7", 2_470)))), at));

        for (Object event : events) {
            Object stored = serializer.serialize(event);
            assertThat(serializer.deserialize(stored, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void moneyIsStoredAsItsIntegerCents() {
        Object stored = serializer.serialize(new WithdrawalRecorded(UUID.randomUUID(), AccountId.random(),
                Money.ofCents(25_00)));

        assertThat(stored.toString()).contains("\"amount\":2500").doesNotContain("negative").doesNotContain("positive");
    }
}
