package dev.paddock.tote.betting;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link BettingApiIT} with the lane off: every bet goes through Spring Security and Spring MVC. The same
 * context as {@link BetLaneIT}'s (same settings), so the suite starts it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "paddock.tote.betting.lane.enabled=false")
class BettingApiWithoutLaneIT extends BettingApiIT {

    @Override
    boolean lane() {
        return false;
    }
}
