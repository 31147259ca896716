package dev.paddock.events.registration;

import dev.paddock.identity.BearerTokens;
import dev.paddock.shared.Admission;
import dev.paddock.shared.Lane;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration part's settings. It has no anonymous paths: registering, joining a team, accepting an
 * offer and reading an order all need a signed-in account, so it declares no {@code PublicPaths}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationProperties.class)
class RegistrationConfiguration {

    /** Registration requests of the API, the ones an opening rush sends; pages go through them too rarely to matter. */
    static final Pattern RUSH_PATHS = Pattern.compile(
            "/api/events/(races/[^/]+/(registrations|teams)|teams/join|registrations/[^/]+/accept)");

    @Bean
    Admission registrationDoor(RegistrationProperties properties, MeterRegistry meters) {
        return new Admission(RegistrationConfiguration::rush, properties.maxInFlight(),
                "paddock.events.registration.shed", "Too many registrations are being taken right now; nothing was"
                        + " stored. Retry in a moment with the same requestId.", meters);
    }

    @Bean
    FilterRegistrationBean<Admission> registrationAdmission(@Qualifier("registrationDoor") Admission registrationDoor) {
        FilterRegistrationBean<Admission> registration = new FilterRegistrationBean<>(registrationDoor);
        registration.addUrlPatterns("/api/events/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    RegistrationTurns registrationTurns(RegistrationProperties properties) {
        return new RegistrationTurns(RegistrationConfiguration::rush, properties.turns());
    }

    /** Right behind the door, ahead of authentication and Spring MVC, which the turns are for. */
    @Bean
    FilterRegistrationBean<RegistrationTurns> registrationTurnsFilter(RegistrationTurns turns) {
        FilterRegistrationBean<RegistrationTurns> registration = new FilterRegistrationBean<>(turns);
        registration.addUrlPatterns("/api/events/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "paddock.events.registration.lane.enabled", havingValue = "true",
            matchIfMissing = true)
    RegistrationLane registrationLaneServed(BearerTokens tokens, RegistrationDesk desk, JsonMapper json,
            MeterRegistry meters) {
        return new RegistrationLane(tokens, desk, json, meters);
    }

    /**
     * The registrations the lane takes, through the door and the turns, ahead of Tomcat's filter chain
     * (dev.paddock.shared.LanesValve): no filter chain is built for them.
     */
    @Bean
    @ConditionalOnProperty(name = "paddock.events.registration.lane.enabled", havingValue = "true",
            matchIfMissing = true)
    Lane registrationLaneAhead(@Qualifier("registrationDoor") Admission registrationDoor, RegistrationTurns turns,
            RegistrationLane lane) {
        return Lane.of(RegistrationLane::takes, lane::serve).inside(turns).inside(registrationDoor);
    }

    /**
     * The registration lane, right behind the turns: an individual registration with a bearer token is served
     * without Spring Security's chain and Spring MVC (the ones the valve leaves, with {@code paddock.lanes.valve=false},
     * and MockMvc's). {@code paddock.events.registration.lane.enabled=false} turns it off, to compare.
     */
    @Bean
    @ConditionalOnProperty(name = "paddock.events.registration.lane.enabled", havingValue = "true",
            matchIfMissing = true)
    FilterRegistrationBean<RegistrationLane> registrationLane(RegistrationLane lane) {
        FilterRegistrationBean<RegistrationLane> registration = new FilterRegistrationBean<>(lane);
        registration.addUrlPatterns("/api/events/races/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    private static boolean rush(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && RUSH_PATHS.matcher(request.getRequestURI()).matches();
    }
}
