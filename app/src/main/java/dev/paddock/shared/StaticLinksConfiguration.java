package dev.paddock.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** {@link StaticLinks} in place of the {@code ResourceUrlEncodingFilter} Spring Boot would register. */
@Configuration(proxyBeanMethods = false)
class StaticLinksConfiguration {

    /** Typed as Spring's filter so that Spring Boot's own registration backs off. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> staticLinks() {
        return new FilterRegistrationBean<>(new StaticLinks());
    }
}
