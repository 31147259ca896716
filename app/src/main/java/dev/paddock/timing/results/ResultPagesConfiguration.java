package dev.paddock.timing.results;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link AnonymousResultPages} on the results pages' paths only, after the security chain (the default order): every
 * filter mapped to a request costs Tomcat a synchronised look-up, which hundreds of virtual threads queue on at peak.
 */
@Configuration(proxyBeanMethods = false)
class ResultPagesConfiguration {

    @Bean
    FilterRegistrationBean<AnonymousResultPages> anonymousResultPages(ResultPages pages) {
        FilterRegistrationBean<AnonymousResultPages> registration = new FilterRegistrationBean<>(
                new AnonymousResultPages(pages));
        registration.addUrlPatterns(ResultPages.PREFIX + "*");
        return registration;
    }
}
