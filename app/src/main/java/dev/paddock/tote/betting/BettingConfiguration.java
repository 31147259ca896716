package dev.paddock.tote.betting;

import dev.paddock.identity.BearerTokens;
import dev.paddock.shared.Lane;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BettingProperties.class)
class BettingConfiguration {

    @Bean
    BetAdmission betDoor(BettingProperties properties, MeterRegistry meters) {
        return new BetAdmission(properties.maxInFlight(), meters);
    }

    /**
     * Right after the http.server.requests observation (so shed requests are still counted there) and before
     * Spring Security (order -100), so a shed request costs no token check. Bets the lane takes pass the same door
     * ahead of the filter chain ({@link #betLaneAhead}).
     */
    @Bean
    FilterRegistrationBean<BetAdmission> betAdmission(BetAdmission door) {
        FilterRegistrationBean<BetAdmission> registration = new FilterRegistrationBean<>(door);
        registration.addUrlPatterns(BetAdmission.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "paddock.tote.betting.lane.enabled", havingValue = "true", matchIfMissing = true)
    BetLane betLaneServed(BearerTokens tokens, BetWindow window, JsonMapper json, MeterRegistry meters) {
        return new BetLane(tokens, window, json, meters);
    }

    /**
     * The bets the lane takes, through the bet door, ahead of Tomcat's filter chain (dev.paddock.shared.LanesValve):
     * no filter chain is built for them.
     */
    @Bean
    @ConditionalOnProperty(name = "paddock.tote.betting.lane.enabled", havingValue = "true", matchIfMissing = true)
    Lane betLaneAhead(BetAdmission door, BetLane lane) {
        return Lane.of(BetLane::serves, lane::serve).inside(door);
    }

    /**
     * Right after the bet door, so the lane only serves admitted bets, and ahead of Spring Security and Spring
     * MVC, which it stands in for: the bets the valve leaves (with {@code paddock.lanes.valve=false}) and MockMvc's.
     * {@code paddock.tote.betting.lane.enabled=false} sends bets the usual way.
     */
    @Bean
    @ConditionalOnProperty(name = "paddock.tote.betting.lane.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<BetLane> betLane(BetLane lane) {
        FilterRegistrationBean<BetLane> registration = new FilterRegistrationBean<>(lane);
        registration.addUrlPatterns(BetWindow.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /**
     * The lane's requests are not observed as http.server.requests (the observation, its timer and tags were 5.6%
     * of the server's CPU samples at 3,000 bets/s); the lane times them itself ({@code paddock.tote.bet.lane}).
     * Requests the lane leaves to the chain, and requests shed by the door, are observed as before.
     */
    @Bean
    @ConditionalOnProperty(name = "paddock.tote.betting.lane.enabled", havingValue = "true", matchIfMissing = true)
    ObservationPredicate betLaneTimesItself() {
        return (name, context) -> !("http.server.requests".equals(name)
                && context instanceof ServerRequestObservationContext request && BetLane.serves(request.getCarrier()));
    }
}
