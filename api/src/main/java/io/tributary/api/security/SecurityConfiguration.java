package io.tributary.api.security;

import io.tributary.api.error.ErrorCode;
import io.tributary.api.error.Problems;
import io.tributary.api.tenancy.ApiKeyService;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * API keys on /api/**, the agent API authenticates hosts itself, everything else (console,
 * spec, health) is public. Stateless: no session, no CSRF token (no cookies are used).
 */
@Configuration
class SecurityConfiguration {

    /** Content Security Policy of the console and API: only our own scripts, no framing, no plugins. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyService apiKeys,
                            @Value("${tributary.rate-limit.mutations-per-minute:300}") int mutationsPerMinute,
                            @Value("${tributary.cors.allowed-origins:}") List<String> corsOrigins) throws Exception {
        http.csrf(c -> c.disable())
                .cors(c -> c.configurationSource(cors(corsOrigins)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(mutationsPerMinute), ApiKeyAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> Problems.write(response,
                                ErrorCode.UNAUTHENTICATED, "a valid API key is required", request.getRequestURI()))
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response,
                                ErrorCode.FORBIDDEN, "your role does not allow this", request.getRequestURI())))
                .headers(h -> h
                        .frameOptions(f -> f.deny())
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * CORS is closed unless {@code tributary.cors.allowed-origins} names origins: the console is served from the
     * control plane itself, so a browser needs no cross-origin access to the API.
     */
    static CorsConfigurationSource cors(List<String> allowedOrigins) {
        List<String> origins = allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
        return request -> {
            if (origins.isEmpty()) {
                return null;
            }
            CorsConfiguration c = new CorsConfiguration();
            c.setAllowedOrigins(origins);
            c.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            c.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            c.setExposedHeaders(List.of("Location", "Retry-After"));
            c.setMaxAge(600L);
            return c;
        };
    }
}
