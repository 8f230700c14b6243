package io.tributary.api.security;

import io.tributary.api.tenancy.ProjectAccess;
import io.tributary.api.tenancy.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Enforces project membership and roles before anything else about a request is looked at, so a
 * caller outside a project learns nothing (404) and a viewer is refused (403) even when its body
 * would not validate. Reads need viewer (and so does cancelling one's own message search), changes
 * operator, membership changes owner; the admin API needs a platform administrator.
 */
@Component
class ProjectAccessInterceptor implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Changes a viewer may make: stopping a search of its own (which only its own requests can reach). */
    static final Set<String> VIEWER_CHANGES = Set.of(
            "DELETE /api/v1/projects/{project}/instances/{instance}/message-searches/{searchId}");

    private final ProjectAccess access;

    ProjectAccessInterceptor(ProjectAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        if (pattern.startsWith("/api/v1/admin/")) {
            access.requirePlatformAdmin();
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars == null || !vars.containsKey("project") || !pattern.startsWith("/api/v1/projects/{project}")) {
            return true;
        }
        UUID project;
        try {
            project = UUID.fromString(vars.get("project"));
        } catch (IllegalArgumentException e) {
            return true; // the argument resolver answers 400 for a malformed id
        }
        access.require(project, required(request.getMethod(), pattern));
        return true;
    }

    static Role required(String method, String pattern) {
        if (READS.contains(method) || VIEWER_CHANGES.contains(method + " " + pattern)) {
            return Role.viewer;
        }
        return pattern.startsWith("/api/v1/projects/{project}/members") ? Role.owner : Role.operator;
    }
}
