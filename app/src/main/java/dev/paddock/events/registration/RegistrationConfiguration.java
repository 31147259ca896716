package dev.paddock.events.registration;

import dev.paddock.identity.BearerTokens;
import dev.paddock.shared.Admission;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

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
    FilterRegistrationBean<Admission> registrationAdmission(RegistrationProperties properties, MeterRegistry meters) {
        Admission admission = new Admission(RegistrationConfiguration::rush, properties.maxInFlight(),
                "paddock.events.registration.shed", "Too many registrations are being taken right now; nothing was"
                        + " stored. Retry in a moment with the same requestId.", meters);
        FilterRegistrationBean<Admission> registration = new FilterRegistrationBean<>(admission);
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

    /**
     * The registration lane, right behind the turns: an individual registration with a bearer token is served
     * without Spring Security's chain and Spring MVC. {@code paddock.events.registration.lane.enabled=false}
     * turns it off, to compare.
     */
    @Bean
    @ConditionalOnProperty(name = "paddock.events.registration.lane.enabled", havingValue = "true",
            matchIfMissing = true)
    FilterRegistrationBean<RegistrationLane> registrationLane(BearerTokens tokens, RegistrationDesk desk,
            JsonMapper json, MeterRegistry meters) {
        FilterRegistrationBean<RegistrationLane> registration =
                new FilterRegistrationBean<>(new RegistrationLane(tokens, desk, json, meters));
        registration.addUrlPatterns("/api/events/races/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    private static boolean rush(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && RUSH_PATHS.matcher(request.getRequestURI()).matches();
    }
}
