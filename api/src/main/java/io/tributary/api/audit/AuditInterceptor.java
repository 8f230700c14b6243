package io.tributary.api.audit;

import io.tributary.api.security.CurrentCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes one audit event for every mutating API call an authenticated caller makes, refused
 * ones included. The action is the operation id of the contract (e.g. {@code createInstance}).
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditEventRepository events;
    private final CurrentCaller caller;
    private final Clock clock;

    AuditInterceptor(AuditEventRepository events, CurrentCaller caller, Clock clock) {
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!MUTATING.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return;
        }
        caller.find().ifPresent(c -> {
            @SuppressWarnings("unchecked")
            Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            vars = vars == null ? Map.of() : vars;
            String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
            String resourceId = (String) request.getAttribute(AuditContext.RESOURCE_ID);
            if (resourceId == null) {
                resourceId = lastVariable(pattern, vars);
            }
            int status = response.getStatus();
            try {
                events.save(new AuditEvent(c.username(), uuid(vars.get("project")), method.getMethod().getName(),
                        resourceType(pattern), resourceId, status < 400, "HTTP " + status, clock.instant()));
            } catch (RuntimeException e) {
                log.error("audit event for {} {} could not be written", request.getMethod(), request.getRequestURI(), e);
            }
        });
    }

    /** The last literal segment naming a collection: /projects/{p}/instances/{i} → instance. */
    static String resourceType(String pattern) {
        String[] parts = pattern.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].startsWith("{") && !parts[i].equals("v1")) {
                String p = parts[i];
                String singular = p.endsWith("ies") ? p.substring(0, p.length() - 3) + "y"
                        : p.endsWith("s") ? p.substring(0, p.length() - 1) : p;
                return singular.replace("-", "_");
            }
        }
        return "unknown";
    }

    private static String lastVariable(String pattern, Map<String, String> vars) {
        String[] parts = pattern.split("/");
        String last = parts[parts.length - 1];
        if (last.startsWith("{") && last.endsWith("}")) {
            return vars.get(last.substring(1, last.length() - 1));
        }
        return null;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
