package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.Accounts;
import dev.paddock.identity.PlayerProfile;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Player profiles for channel control, reused for {@code profile-ttl}: a player betting several times a
 * second is read once. A self-exclusion or a lowered limit therefore applies within that delay.
 */
@Component
class PlayerProfiles {

    private final SharedCache<AccountId, PlayerProfile> cache;

    PlayerProfiles(Accounts accounts, Clock clock, BettingProperties properties) {
        this.cache = new SharedCache<>(accounts::playerProfile, properties.profileTtl().toMillis(), clock::millis,
                500_000);
    }

    PlayerProfile of(AccountId account) {
        return cache.get(account);
    }
}
