package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.Accounts;
import dev.paddock.identity.PlayerProfile;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Player profiles for channel control, reused for {@code profile-ttl}: a player betting several times a
 * second is read once. A self-exclusion or a lowered limit therefore applies within that delay.
 */
@Component
class PlayerProfiles {

    private record Cached(PlayerProfile profile, long expiresAtMillis) {
    }

    private final Accounts accounts;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<AccountId, Cached> cache = new ConcurrentHashMap<>();

    PlayerProfiles(Accounts accounts, Clock clock, BettingProperties properties) {
        this.accounts = accounts;
        this.clock = clock;
        this.ttlMillis = properties.profileTtl().toMillis();
    }

    PlayerProfile of(AccountId account) {
        long now = clock.millis();
        Cached cached = cache.get(account);
        if (cached != null && cached.expiresAtMillis() > now) {
            return cached.profile();
        }
        PlayerProfile profile = accounts.playerProfile(account);
        if (cache.size() > 200_000) {
            cache.clear();
        }
        cache.put(account, new Cached(profile, now + ttlMillis));
        return profile;
    }
}
