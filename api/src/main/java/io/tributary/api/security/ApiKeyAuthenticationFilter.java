package io.tributary.api.security;

import io.tributary.api.error.ErrorCode;
import io.tributary.api.error.Problems;
import io.tributary.api.tenancy.ApiKeyService;
import io.tributary.api.tenancy.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <api key>}; a key that is wrong or revoked gets 401 at once. */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeyService apiKeys;

    public ApiKeyAuthenticationFilter(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Problems.write(response, ErrorCode.UNAUTHENTICATED, "use 'Authorization: Bearer <API key>'", request.getRequestURI());
            return;
        }
        Optional<Caller> caller = apiKeys.authenticate(header.substring(7).trim());
        if (caller.isEmpty()) {
            Problems.write(response, ErrorCode.UNAUTHENTICATED, "the API key is not valid or has been revoked",
                    request.getRequestURI());
            return;
        }
        var authorities = caller.get().platformAdmin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        var auth = new UsernamePasswordAuthenticationToken(caller.get(), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
