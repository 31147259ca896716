package dev.paddock.messaging.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.MutableClock;
import dev.paddock.messaging.FlakyProbeListener;
import dev.paddock.messaging.Probes;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EventPublicationsIT {

    private static final String API = "/api/ops/event-publications";
    private static final String PAGE = "/backoffice/event-publications";

    @Autowired
    MockMvc mvc;

    @Autowired
    Probes probes;

    @Autowired
    FlakyProbeListener listener;

    @Autowired
    PublicationRetry retry;

    @Autowired
    Publications publications;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFailedListenerStaysIncompleteUntilTheRetryJobResubmitsIt() {
        UUID probe = UUID.randomUUID();
        listener.breakFor(probe);

        probes.check(probe);

        await().atMost(Duration.ofSeconds(20)).until(() -> publication(probe).status(), "FAILED"::equals);
        retry.refreshCounts();
        assertThat(meters.get("paddock.events.publications").tag("status", "failed").gauge().value())
                .isGreaterThanOrEqualTo(1);

        retry.retryFailed();
        assertThat(publication(probe).status()).as("not due before retry-after").isEqualTo("FAILED");
        assertThat(publication(probe).attempts()).isEqualTo(1);

        listener.repair(probe);
        clock.advance(Duration.ofMinutes(2));
        retry.retryFailed();

        await().atMost(Duration.ofSeconds(20)).until(() -> publication(probe).status(), "COMPLETED"::equals);
        assertThat(publication(probe).attempts()).isEqualTo(2);
        assertThat(listener.handled(probe)).isTrue();
        assertThat(meters.get("paddock.events.resubmitted").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anOperatorListsFailedPublicationsThroughTheApi() throws Exception {
        UUID probe = failedProbe();

        mvc.perform(get(API).param("status", "failed").with(as("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("failed"))
                .andExpect(jsonPath("$.counts.FAILED").isNumber())
                .andExpect(jsonPath("$.publications[*].payload", hasItem(containsString(probe.toString()))))
                .andExpect(jsonPath("$.publications[0].eventType").value("dev.paddock.messaging.ProbeChecked"));
    }

    @Test
    void anAdminMayResubmitEveryFailedPublicationNow() throws Exception {
        UUID probe = failedProbe();
        listener.repair(probe);

        mvc.perform(post(API + "/resubmissions").with(as("ADMIN")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.resubmitted").isNumber());

        await().atMost(Duration.ofSeconds(20)).until(() -> publication(probe).status(), "COMPLETED"::equals);
    }

    @Test
    void theApiIsForOperatorsOnly() throws Exception {
        mvc.perform(get(API).with(as("CUSTOMER")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(API + "/resubmissions").with(as("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get(API))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void badQueryParametersAreProblemsNamingTheField() throws Exception {
        mvc.perform(get(API).param("status", "lost").with(as("OPERATOR")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get(API).param("limit", "0").with(as("OPERATOR")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get(API).param("limit", "many").with(as("OPERATOR")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void thePageShowsIncompletePublicationsInEnglishAndFrench() throws Exception {
        UUID probe = failedProbe();

        mvc.perform(get(PAGE).with(user("op").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Event publications")))
                .andExpect(content().string(containsString("ProbeChecked")))
                .andExpect(content().string(containsString(probe.toString())));
        mvc.perform(get(PAGE).param("lang", "fr").with(user("op").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Publications d&#39;événements")));
    }

    @Test
    void thePageIsForOperatorsAndItsFormNeedsCsrf() throws Exception {
        mvc.perform(get(PAGE).with(user("c").roles("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post(PAGE + "/resubmissions").with(user("op").roles("OPERATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/resubmissions").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attributeExists("resubmitted"));
    }

    private UUID failedProbe() {
        UUID probe = UUID.randomUUID();
        listener.breakFor(probe);
        probes.check(probe);
        await().atMost(Duration.ofSeconds(20)).until(() -> publication(probe).status(), "FAILED"::equals);
        return probe;
    }

    private PublicationView publication(UUID probe) {
        return publications.find(PublicationQuery.INCOMPLETE, null, EventPublicationsApi.MAX_LIMIT).stream()
                .filter(p -> p.payload().contains(probe.toString())).findFirst()
                .or(() -> publications.find(PublicationQuery.COMPLETED, null, EventPublicationsApi.MAX_LIMIT).stream()
                        .filter(p -> p.payload().contains(probe.toString())).findFirst())
                .orElse(new PublicationView(null, "", "", null, null, null, 0, "NONE", ""));
    }

    private static JwtRequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
