package io.tributary.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal control plane that speaks the agent API (docs/agent-api.md) for one host, so tests drive
 * the real agent through its contract: one-time join token, bearer credential, ETag / 304, 404, 204.
 */
final class TestControlPlane implements AutoCloseable {

    final String joinToken = "join-" + UUID.randomUUID();
    final String hostId = UUID.randomUUID().toString();
    final String credential = "cred-" + UUID.randomUUID();

    final AtomicInteger enrollments = new AtomicInteger();
    final AtomicInteger unauthorized = new AtomicInteger();
    final AtomicInteger fullFetches = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();
    final List<Map<String, Object>> enrollRequests = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> observed = new CopyOnWriteArrayList<>();

    private volatile String desiredJson;
    private volatile String etag;
    private volatile boolean tokenUsed;
    private HttpServer server;

    void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/agent/v1/enroll", this::enroll);
        server.createContext("/agent/v1/hosts/", this::host);
        server.start();
    }

    /** Stops answering: the port refuses connections until {@link #start(int)} again. */
    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    void setDesiredState(Map<String, Object> state) {
        desiredJson = Json.write(state);
        etag = "\"" + state.get("generation") + "-" + RenderedConfig.sha256(desiredJson).substring(0, 16) + "\"";
    }

    Map<String, Object> latestObserved() {
        return observed.isEmpty() ? Map.of() : observed.get(observed.size() - 1);
    }

    private void enroll(HttpExchange exchange) throws IOException {
        Map<String, Object> body = Json.parseObject(read(exchange));
        enrollRequests.add(body);
        synchronized (this) {
            if (!joinToken.equals(body.get("joinToken")) || tokenUsed) {
                respond(exchange, 401, null);
                return;
            }
            tokenUsed = true;
        }
        enrollments.incrementAndGet();
        respond(exchange, 200, Json.write(Map.of("hostId", hostId, "credential", credential)));
    }

    private void host(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!("Bearer " + credential).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !path.startsWith("/agent/v1/hosts/" + hostId + "/")) {
            unauthorized.incrementAndGet();
            respond(exchange, 401, null);
            return;
        }
        if (path.endsWith("/desired-state") && "GET".equals(exchange.getRequestMethod())) {
            String json = desiredJson;
            String tag = etag;
            if (json == null) {
                respond(exchange, 404, null);
            } else if (tag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                respond(exchange, 304, null);
            } else {
                fullFetches.incrementAndGet();
                exchange.getResponseHeaders().set("ETag", tag);
                respond(exchange, 200, json);
            }
        } else if (path.endsWith("/observed-state") && "POST".equals(exchange.getRequestMethod())) {
            observed.add(Json.parseObject(read(exchange)));
            respond(exchange, 204, null);
        } else {
            respond(exchange, 404, null);
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
