package io.tributary.agent;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agent side of the agent API ({@code /agent/v1}, docs/agent-api.md). One method per call. */
final class ControlPlaneClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The longest wait between two tries while the control plane cannot be reached (enrollment, polls). */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final URI base;
    private final AgentTlsIdentity tls;
    private volatile HttpClient http;

    /** @param tls the agent's TLS identity, used when {@code base} is https */
    ControlPlaneClient(URI base, AgentTlsIdentity tls) throws IOException {
        this.base = base;
        this.tls = tls;
        this.http = newHttpClient();
    }

    private HttpClient newHttpClient() throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("https".equalsIgnoreCase(base.getScheme())) {
            builder.sslContext(tls.sslContext());
        }
        return builder.build();
    }

    /** The answer to a desired-state poll. */
    sealed interface Fetch {
        /** 200: a new document and its ETag (empty when the server sent none). */
        record Updated(String json, String etag) implements Fetch {
        }

        /** 304: the state the agent holds is current. */
        record NotModified() implements Fetch {
        }

        /** 404: no broker is assigned to this host yet. */
        record NotAssigned() implements Fetch {
        }
    }

    /** A call failed with an unexpected HTTP status. */
    static class CallFailedException extends IOException {
        final int status;

        CallFailedException(String call, int status) {
            super(call + " answered HTTP " + status);
            this.status = status;
        }
    }

    /** 401: the join token or credential is not (or no longer) accepted. */
    static final class UnauthorizedException extends CallFailedException {
        UnauthorizedException(String call) {
            super(call, 401);
        }
    }

    Credential enroll(String joinToken, String hostname, String zone, String address, String agentVersion)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("joinToken", joinToken);
        body.put("hostname", hostname);
        body.put("availabilityZone", zone);
        body.put("address", address);
        body.put("agentVersion", agentVersion);
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        if (https) {
            body.put("publicKey", tls.newKey());
        }
        HttpRequest request = request("/agent/v1/enroll")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        check("enroll", response, 200);
        Map<String, Object> answer = Json.parseObject(response.body());
        if (https) {
            tls.saveCertificate(Json.requiredString(answer, "certificate"));
            http = newHttpClient(); // from now on with the client certificate
        }
        return new Credential(Json.requiredString(answer, "hostId"), Json.requiredString(answer, "credential"));
    }

    /** Whether the client certificate should be renewed now (https only; see {@link AgentTlsIdentity#renewAt}). */
    boolean certificateRenewalDue(java.time.Instant now) throws IOException {
        return "https".equalsIgnoreCase(base.getScheme()) && tls.renewAt().map(at -> !now.isBefore(at)).orElse(false);
    }

    /** A new client certificate for a new key, asked for over the current mutual-TLS channel; used from then on. */
    void renewCertificate(Credential credential) throws IOException, InterruptedException {
        java.security.KeyPair pair = tls.renewalKey();
        HttpRequest request = request(hostPath(credential, "certificate"))
                .header("Authorization", credential.authorizationHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("publicKey", AgentTlsIdentity.publicKey(pair)))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        check("certificate", response, 200);
        tls.install(pair, Json.requiredString(Json.parseObject(response.body()), "certificate"));
        http = newHttpClient();
    }

    Fetch fetchDesiredState(Credential credential, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(hostPath(credential, "desired-state"))
                .header("Authorization", credential.authorizationHeader())
                .header("Accept", "application/json")
                .GET();
        if (etag != null && !etag.isEmpty()) {
            builder.header("If-None-Match", etag);
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode()) {
            case 200 -> new Fetch.Updated(response.body(), response.headers().firstValue("ETag").orElse(""));
            case 304 -> new Fetch.NotModified();
            case 404 -> new Fetch.NotAssigned();
            default -> {
                check("desired-state", response, 200);
                throw new IllegalStateException("unreachable");
            }
        };
    }

    void reportObservedState(Credential credential, ObservedState state) throws IOException, InterruptedException {
        HttpRequest request = request(hostPath(credential, "observed-state"))
                .header("Authorization", credential.authorizationHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(state.toJson()))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 204 && response.statusCode() != 200) {
            check("observed-state", response, 204);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    private static String hostPath(Credential credential, String call) {
        return "/agent/v1/hosts/" + URLEncoder.encode(credential.hostId(), StandardCharsets.UTF_8) + "/" + call;
    }

    private static void check(String call, HttpResponse<?> response, int expected) throws CallFailedException {
        if (response.statusCode() == 401) {
            throw new UnauthorizedException(call);
        }
        if (response.statusCode() != expected) {
            throw new CallFailedException(call, response.statusCode());
        }
    }
}
