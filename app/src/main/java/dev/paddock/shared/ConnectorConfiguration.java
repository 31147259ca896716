package dev.paddock.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's HTTP connector runs {@link UnnamedProcessorsProtocol}; {@code paddock.tomcat.unnamed-processors=false}
 * keeps Tomcat's own protocol (to compare).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paddock.tomcat.unnamed-processors", havingValue = "true", matchIfMissing = true)
class ConnectorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unnamedProcessors() {
        return factory -> factory.setProtocol(UnnamedProcessorsProtocol.class.getName());
    }
}
