package dev.paddock.events.registration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The registration part's settings. It has no anonymous paths: registering, joining a team, accepting an
 * offer and reading an order all need a signed-in account, so it declares no {@code PublicPaths}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationProperties.class)
class RegistrationConfiguration {
}
