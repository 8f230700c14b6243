package io.tributary.api.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final HandlerInterceptor auditInterceptor;
    private final HandlerInterceptor projectAccessInterceptor;

    WebConfiguration(@Qualifier("auditInterceptor") HandlerInterceptor auditInterceptor,
                     @Qualifier("projectAccessInterceptor") HandlerInterceptor projectAccessInterceptor) {
        this.auditInterceptor = auditInterceptor;
        this.projectAccessInterceptor = projectAccessInterceptor;
    }

    /** Audit first, so that refusals by the access check are audited too. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(auditInterceptor).addPathPatterns("/api/**");
        registry.addInterceptor(projectAccessInterceptor).addPathPatterns("/api/**");
    }
}
