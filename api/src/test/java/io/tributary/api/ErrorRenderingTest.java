package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Errors raised outside the controllers (Tomcat, the security firewall, the servlet error page) are RFC 9457
 * problem documents like every other error, with a code of the catalogue. Found by the contract fuzzer.
 */
class ErrorRenderingTest extends ControlPlaneTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aQueryParameterWithoutANameIsABadRequestNotAServerError() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/projects/" + defaultProject() + "/instances?=null");
        assertProblem(r, 400, "INVALID_PARAMETER");
    }

    /** java.net.URI refuses to build these, so they go over a socket as a client could send them. */
    @Test
    void badPercentEscapesGetAProblemDocument() throws Exception {
        String instances = "/api/v1/projects/" + defaultProject() + "/instances";
        for (String path : new String[]{"/api/v1/projects/%zz", instances + "?q=%zz", instances + "?%=1"}) {
            assertRawProblem(path);
        }
    }

    private void assertRawProblem(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            assertThat(head).as(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer).contains("\"code\":\"INVALID_PARAMETER\"");
        }
    }

    /** Paths the firewall refuses ({@code ;}, {@code ..}, {@code //}) and paths Tomcat cannot decode. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/projects/%2e%2e/x", "/api/v1/projects/a;b", "/api/v1/projects/a//b",
            "/api/v1/projects/%25", "/api/v1/projects/%2F", "/api/v1/projects/a%00b", "/api/v1/projects/a%5Cb"})
    void malformedPathsGetAProblemDocument(String path) throws Exception {
        HttpResponse<String> r = send("GET", path);
        assertProblem(r, 400, "INVALID_PARAMETER");
    }

    @Test
    void anUnknownMethodIs405WithTheAllowedMethods() throws Exception {
        HttpResponse<String> r = send("QUERY", "/api/v1/me");
        assertProblem(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.headers().firstValue("Allow")).get().asString().contains("GET");
    }

    @Test
    void anUnmappedMethodIs405WithTheAllowedMethods() throws Exception {
        HttpResponse<String> r = send("PUT", "/api/v1/me");
        assertProblem(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.headers().firstValue("Allow")).get().asString().contains("GET");
    }

    @Test
    void problemsWrittenByFiltersHaveNoNullMembers() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode problem = assertProblem(r, 401, "UNAUTHENTICATED");
        assertThat(problem.has("errors")).as(r.body()).isFalse();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(r.body()).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = ApiClient.JSON.readTree(r.body());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        problem.properties().forEach(p -> assertThat(p.getValue().isNull()).as(p.getKey() + " in " + r.body()).isFalse());
        return problem;
    }
}
