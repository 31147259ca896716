package dev.paddock.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * The modules' {@link Lane}s in front of Tomcat's filter chain ({@link LanesValve}), on by default;
 * {@code paddock.lanes.valve=false} leaves them to their servlet filters (to compare), which also serve MockMvc.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paddock.lanes.valve", havingValue = "true", matchIfMissing = true)
class LanesConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> lanesValve(ObjectProvider<Lane> lanes) {
        return factory -> factory.addContextValves(
                new LanesValve(SingletonSupplier.of(() -> lanes.orderedStream().toList())));
    }
}
