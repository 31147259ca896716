package dev.paddock.shared;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link QuickReads} first in the filter chain, before the doors ({@link Admission}), the security chain
 * and Spring MVC. {@code paddock.quick-reads.enabled=false} sends every read the usual way (to compare).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paddock.quick-reads.enabled", havingValue = "true", matchIfMissing = true)
class QuickReadsConfiguration {

    @Bean
    QuickReads quickReadsServed(ObjectProvider<QuickRead> reads, MeterRegistry meters) {
        return new QuickReads(reads.orderedStream().toList(), meters);
    }

    @Bean
    FilterRegistrationBean<QuickReads> quickReads(QuickReads quickReads, ObjectProvider<QuickRead> reads) {
        FilterRegistrationBean<QuickReads> registration = new FilterRegistrationBean<>(quickReads);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(reads.orderedStream().findAny().isPresent());
        return registration;
    }

    /**
     * The same reads in front of Tomcat's filter chain ({@link QuickReadsValve}) with
     * {@code paddock.quick-reads.valve=true}, the default since session 8's quiet-machine runs (the results rush
     * and the opening rush's reads); {@code false} leaves them to the filter. The filter still serves what the valve
     * leaves, and MockMvc's requests.
     */
    @Bean
    @ConditionalOnProperty(name = "paddock.quick-reads.valve", havingValue = "true", matchIfMissing = true)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> quickReadsValve(ObjectProvider<QuickReads> quickReads) {
        return factory -> factory.addContextValves(new QuickReadsValve(
                org.springframework.util.function.SingletonSupplier.of(quickReads::getObject)));
    }
}
