package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What a browser or a scanner sees of the control plane: headers, CORS and the actuator. */
class HardeningTest extends ControlPlaneTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        HttpResponse<String> api = get("/api/v1/me", ADMIN_TOKEN);
        assertThat(api.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
    }

    @Test
    void crossOriginRequestsGetNoCorsGrant() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "authorization").build();
        HttpResponse<String> answer = http.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpRequest cross = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Origin", "https://evil.example").header("Authorization", "Bearer " + ADMIN_TOKEN).build();
        assertThat(http.send(cross, HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void onlyHealthAndInfoOfTheActuatorAreExposed() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        for (String hidden : new String[]{"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/loggers", "/actuator/metrics", "/actuator/mappings"}) {
            HttpResponse<String> r = get(hidden, ADMIN_TOKEN);
            assertThat(r.statusCode()).as(hidden).isEqualTo(404);
            assertThat(r.body()).doesNotContain("tributary.secret");
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
