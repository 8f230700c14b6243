package io.tributary.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.tenancy.Caller;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {

    final RateLimitFilter filter = new RateLimitFilter(3);
    final AtomicInteger passed = new AtomicInteger();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void changesBeyondTheLimitGet429WithRetryAfterAndAProblem() throws Exception {
        as(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            assertThat(call("POST").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("DELETE");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"").contains("retry in");
        assertThat(passed).hasValue(3);
    }

    @Test
    void readsAreNotLimitedAndEachKeyHasItsOwnBudget() throws Exception {
        as(UUID.randomUUID());
        for (int i = 0; i < 10; i++) {
            assertThat(call("GET").getStatus()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            call("PATCH");
        }
        assertThat(call("PUT").getStatus()).isEqualTo(429);
        as(UUID.randomUUID());
        assertThat(call("PUT").getStatus()).isEqualTo(200);
    }

    private void as(UUID apiKey) {
        Caller caller = new Caller(UUID.randomUUID(), "u", UUID.randomUUID(), false, apiKey);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, List.of()));
    }

    private MockHttpServletResponse call(String method) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/projects");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> passed.incrementAndGet());
        return response;
    }
}
