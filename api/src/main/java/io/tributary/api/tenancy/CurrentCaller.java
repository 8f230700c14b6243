package io.tributary.api.tenancy;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request. */
@Component
public class CurrentCaller {

    public Caller get() {
        return find().orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "a valid API key is required"));
    }

    public Optional<Caller> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }
}
