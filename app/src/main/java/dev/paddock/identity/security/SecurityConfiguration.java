package dev.paddock.identity.security;

import dev.paddock.identity.Role;
import dev.paddock.identity.account.IdentityAudit;
import dev.paddock.shared.PublicPaths;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two filter chains. {@code /api/**} is stateless: a short-lived JWT in the Authorization header, no
 * cookie ever authenticates there, so CSRF cannot apply. Everything else is the web: a session cookie,
 * form login and CSRF tokens on every state-changing request. Each module declares its anonymous paths
 * as {@link PublicPaths} beans; all other paths need a signed-in account, and roles are checked on the
 * controllers with {@code @PreAuthorize}. Both the login form and {@code POST /api/auth/token} check
 * passwords through {@link PasswordLogin} (lockout, audit) after the {@link LoginThrottle}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({LoginProperties.class, PasswordResetProperties.class})
class SecurityConfiguration {

    /** The one way to check a password, for the login form; replaces Boot's default in-memory user. */
    @Bean
    AuthenticationManager authenticationManager(PasswordLogin login) {
        return new ProviderManager(new PasswordLoginProvider(login));
    }

    /**
     * No Micrometer observations of the filter chains, authentications and authorizations. They wrap every
     * security filter of every request (a profile of the bet intake put a large share of the server's CPU
     * there) and add nothing the {@code http.server.requests} metric and the audit log do not already give:
     * a refused request still shows in http.server.requests with its 401/403 status.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, List<PublicPaths> publicPaths, ProblemSecurityHandlers problems,
            JwtAccounts jwtAccounts) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.api().stream()).toArray(String[]::new);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(open).permitAll().anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAccounts::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, List<PublicPaths> publicPaths, LoginThrottle throttle,
            IdentityAudit audit, AuthenticationManager passwordLogin) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.web().stream()).toArray(String[]::new);
        http.authenticationManager(passwordLogin)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/**", "/backoffice/**")
                        .hasAnyRole(Role.OPERATOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .addFilterBefore(new LoginThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .usernameParameter(LoginThrottleFilter.EMAIL_PARAMETER)
                        .defaultSuccessUrl("/wallet")
                        .failureHandler(new LoginFailureHandler()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").permitAll());
        return http.build();
    }
}
