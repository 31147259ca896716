package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Pages still link WebJars by version, through {@link StaticLinks} alone, which leaves other links as they are. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class StaticLinksIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void webJarLinksAreVersionedAndOnlyStaticLinksEncodesThem() throws Exception {
        String page = mvc.perform(get("/events")).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js")
                .doesNotContain("/webjars/htmx.org/dist/").contains("href=\"/css/");
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .filter(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter).toList())
                .singleElement().extracting(FilterRegistrationBean::getFilter).isInstanceOf(StaticLinks.class);
    }
}
