package dev.paddock.tote.betting;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
}
