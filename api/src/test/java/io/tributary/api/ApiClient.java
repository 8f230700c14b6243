package io.tributary.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running control plane over real HTTP, as any client would. */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(String base) {
        this.base = base;
    }

    public record Response(int status, String contentType, String location, String raw) {
        public JsonNode json() {
            return raw == null || raw.isEmpty() ? JSON.createObjectNode() : JSON.readTree(raw);
        }

        public String text(String field) {
            return json().path(field).asText(null);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, "application/json");
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body, "application/json");
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body, "application/json");
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, "application/json");
    }

    public Response send(String method, String path, String token, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
