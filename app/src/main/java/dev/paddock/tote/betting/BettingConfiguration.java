package dev.paddock.tote.betting;

import dev.paddock.identity.BearerTokens;
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

    /**
     * Right after the http.server.requests observation (so shed requests are still counted there) and before
     * Spring Security (order -100), so a shed request costs no token check.
     */
    @Bean
    FilterRegistrationBean<BetAdmission> betAdmission(BettingProperties properties, MeterRegistry meters) {
        FilterRegistrationBean<BetAdmission> registration =
                new FilterRegistrationBean<>(new BetAdmission(properties.maxInFlight(), meters));
        registration.addUrlPatterns(BetAdmission.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Right after the bet door, so the lane only serves admitted bets, and ahead of Spring Security and Spring
     * MVC, which it stands in for. {@code paddock.tote.betting.lane.enabled=false} sends bets the usual way.
     */
    @Bean
    @ConditionalOnProperty(name = "paddock.tote.betting.lane.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<BetLane> betLane(BearerTokens tokens, BetWindow window, JsonMapper json,
            MeterRegistry meters) {
        FilterRegistrationBean<BetLane> registration =
                new FilterRegistrationBean<>(new BetLane(tokens, window, json, meters));
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
