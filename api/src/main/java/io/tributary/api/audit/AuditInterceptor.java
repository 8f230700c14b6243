package io.tributary.api.audit;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.tenancy.Caller;
import io.tributary.api.tenancy.CurrentCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes one audit event for every mutating API call an authenticated caller makes, refused ones included. The
 * action is the operation id of the contract (e.g. {@code createInstance}).
 *
 * <p>The event is written, and committed, before anything else about the request happens (this interceptor runs
 * first): a change that cannot be audited is refused ({@link ErrorCode#AUDIT_UNAVAILABLE}) and never made,
 * whether it would have changed the database or a Kafka cluster, which no database transaction could cover.
 * It is written as {@code PENDING} and gets its outcome ({@code SUCCESS}/{@code FAILURE}, the HTTP status and the
 * id of a created resource) when the request ends; should that update fail, the event stays {@code PENDING}: the
 * change was asked for and its outcome is unknown.
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String EVENT_ID = AuditInterceptor.class.getName() + ".eventId";

    private final AuditEventRepository events;
    private final CurrentCaller caller;
    private final Clock clock;

    AuditInterceptor(AuditEventRepository events, CurrentCaller caller, Clock clock) {
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!MUTATING.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Optional<Caller> c = caller.find();
        if (c.isEmpty()) {
            return true;
        }
        Map<String, String> vars = vars(request);
        String pattern = pattern(request);
        AuditEvent event = AuditEvent.pending(c.get().username(), uuid(vars.get("project")), method.getMethod().getName(),
                resourceType(pattern), lastVariable(pattern, vars), clock.instant());
        try {
            events.saveAndFlush(event);
        } catch (RuntimeException e) {
            log.error("audit event for {} {} could not be written; the request is refused", request.getMethod(),
                    request.getRequestURI(), e);
            throw new ApiException(ErrorCode.AUDIT_UNAVAILABLE, "the audit log could not record this change, so it was "
                    + "not made; nothing changed, try again later");
        }
        request.setAttribute(EVENT_ID, event.getId());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(EVENT_ID) instanceof UUID id)) {
            return;
        }
        String resourceId = (String) request.getAttribute(AuditContext.RESOURCE_ID);
        if (resourceId == null) {
            resourceId = lastVariable(pattern(request), vars(request));
        }
        int status = response.getStatus();
        try {
            events.finish(id, status < 400 && ex == null ? AuditEvent.SUCCESS : AuditEvent.FAILURE, resourceId,
                    "HTTP " + status);
        } catch (RuntimeException e) {
            // the change is on record (PENDING); only its outcome is missing, and the response is already sent
            log.error("outcome of audit event {} ({} {}, HTTP {}) could not be written; it stays PENDING", id,
                    request.getMethod(), request.getRequestURI(), status, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> vars(HttpServletRequest request) {
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return vars == null ? Map.of() : vars;
    }

    private static String pattern(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
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
