package io.tributary.api.config;

import io.tributary.api.error.ErrorCode;
import io.tributary.api.error.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that no controller raises are problem documents too. Three places answer before (or instead of) the
 * {@code ProblemHandler}: Tomcat itself (a path it cannot decode, {@code %2F}, {@code %00}, {@code \}), Spring
 * Security's firewall ({@code ;}, {@code %2e%2e}, {@code //}) and the servlet error page ({@code sendError}, an
 * exception out of a filter). Each writes {@code application/problem+json} with a code of the catalogue here,
 * never Tomcat's HTML page or Spring Boot's {@code {"timestamp": ...}} JSON.
 */
@Configuration
class ErrorRenderingConfiguration {

    /**
     * The default firewall, except that it lets any method through: the MVC layer then answers an unknown one
     * (such as {@code QUERY}) with 405 and the {@code Allow} header, as for any unmapped method. Access rules
     * here do not depend on the method, so the firewall's method list adds no protection.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> Problems.write(response, ErrorCode.INVALID_PARAMETER,
                "the request path or query contains a sequence that is not allowed", request.getRequestURI());
    }

    /** Replaces the host's error report valve (Tomcat's HTML page) with one that writes a problem document. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Host host = (Host) context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    }
                });
            }
        };
    }

    /** Tomcat's own error responses (decoding, malformed requests) as problem documents. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String body = Problems.json(status, status >= 500 ? "the request could not be completed"
                    : "the request could not be parsed: the path, the query or a header is malformed",
                    request.getRequestURI());
            try {
                response.setContentType(Problems.PROBLEM_JSON.toString());
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed meanwhile: nothing left to tell
            }
        }
    }

    /**
     * The servlet error page ({@code /error}): what {@code sendError} and exceptions out of filters end in.
     * Replaces Spring Boot's {@code BasicErrorController}.
     */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<String> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i && i >= 400 ? i : 500;
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            ErrorCode errorCode = Problems.codeFor(status);
            String detail = status >= 500 ? "the request could not be completed; it has been logged"
                    : status == 400 ? "the request could not be parsed: the path, the query or a header is malformed"
                    : errorCode.title();
            return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON)
                    .body(Problems.json(status, detail, uri == null ? null : uri.toString()));
        }
    }
}
