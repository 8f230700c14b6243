package io.tributary.api.audit;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Lets a controller name the resource a call created, for the audit event of the request. */
@Component
public class AuditContext {

    static final String RESOURCE_ID = AuditContext.class.getName() + ".resourceId";

    public void resource(String id) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(RESOURCE_ID, id, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
