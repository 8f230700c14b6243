package io.tributary.api.agent;


import io.tributary.api.error.ErrorCode;
import io.tributary.api.error.Problems;
import io.tributary.provisioning.desired.ServedDesiredState;
import io.tributary.provisioning.host.AgentService;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.tls.AgentTls;
import jakarta.servlet.http.HttpServletRequest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.catalina.connector.Connector;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The agent API of docs/agent-api.md, served only on the agent connector (mutual TLS). Enrollment takes a
 * join token and the agent's public key and returns a credential and a client certificate; every other call
 * needs both, for the host it names: a host may only read and report its own state.
 */
@RestController
@RequestMapping(path = "/agent/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AgentController {

    private final AgentService agents;
    private final AgentTls tls;
    private final Connector agentConnector;
    private final ServedDesiredState servedStates;

    AgentController(AgentService agents, AgentTls tls, Connector agentConnector, ServedDesiredState servedStates) {
        this.agents = agents;
        this.tls = tls;
        this.agentConnector = agentConnector;
        this.servedStates = servedStates;
    }

    record EnrollRequest(String joinToken, String hostname, String availabilityZone, String address, String agentVersion,
                         String publicKey) {
    }

    @PostMapping("/enroll")
    ResponseEntity<Object> enroll(@RequestBody EnrollRequest request, HttpServletRequest http) {
        if (!onAgentConnector(http)) {
            return problem(ErrorCode.NOT_FOUND, "the agent API is served on the agent port only");
        }
        if (request.publicKey() == null || request.publicKey().isBlank()) {
            return problem(ErrorCode.VALIDATION_FAILED, "publicKey (base64 SubjectPublicKeyInfo of the agent's key) is required");
        }
        PublicKey key;
        try {
            key = AgentTls.publicKey(request.publicKey());
        } catch (IllegalArgumentException e) {
            return problem(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
        return agents.enroll(request.joinToken(), request.availabilityZone(), request.address())
                .<ResponseEntity<Object>>map(e -> ResponseEntity.ok(Map.of("hostId", e.hostId(), "credential", e.credential(),
                        "certificate", tls.certifyAgent(e.hostId(), key),
                        "caCertificate", tls.caCertificatePem())))
                .orElseGet(() -> problem(ErrorCode.UNAUTHENTICATED, "the join token is unknown, used or expired"));
    }

    record CertificateRequest(String publicKey) {
    }

    /** A new client certificate for a new key of the host, asked for over its current (still valid) channel. */
    @PostMapping("/hosts/{hostId}/certificate")
    ResponseEntity<Object> renewCertificate(@PathVariable UUID hostId,
                                            @RequestHeader(value = "Authorization", required = false) String authorization,
                                            @RequestBody CertificateRequest request, HttpServletRequest http) {
        if (authenticated(hostId, authorization, http).isEmpty()) {
            return problem(ErrorCode.UNAUTHENTICATED, "host certificate or credential missing, wrong or revoked");
        }
        PublicKey key;
        try {
            key = AgentTls.publicKey(request.publicKey());
        } catch (IllegalArgumentException e) {
            return problem(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
        return ResponseEntity.ok(Map.of("certificate", tls.certifyAgent(hostId, key), "caCertificate", tls.caCertificatePem()));
    }

    @GetMapping("/hosts/{hostId}/desired-state")
    ResponseEntity<Object> desiredState(@PathVariable UUID hostId,
                                        @RequestHeader(value = "Authorization", required = false) String authorization,
                                        @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
                                        HttpServletRequest http) {
        Optional<Host> host = authenticated(hostId, authorization, http);
        if (host.isEmpty()) {
            return problem(ErrorCode.UNAUTHENTICATED, "host certificate or credential missing, wrong or revoked");
        }
        Host h = host.get();
        if (h.getDesiredState() == null) {
            return problem(ErrorCode.NOT_FOUND, "nothing to run yet");
        }
        String etag = "\"" + h.getId() + "-" + h.getDesiredGeneration() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        String body = servedStates.body(h.getDesiredState(), h.getDesiredGeneration());
        return ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping("/hosts/{hostId}/observed-state")
    ResponseEntity<Object> observedState(@PathVariable UUID hostId,
                                         @RequestHeader(value = "Authorization", required = false) String authorization,
                                         @RequestBody JsonNode report, HttpServletRequest http) {
        if (authenticated(hostId, authorization, http).isEmpty()) {
            return problem(ErrorCode.UNAUTHENTICATED, "host certificate or credential missing, wrong or revoked");
        }
        long generation = report.path("generation").asLong(-1);
        String brokerStatus = report.path("broker").path("status").asText(null);
        agents.observed(hostId, report.toString(), generation, brokerStatus, report.path("wiped").asText(null));
        return ResponseEntity.noContent().build();
    }

    /**
     * The host, when the call came over the agent connector with a client certificate of the agent CA issued to
     * this host (Tomcat verified the chain) and the host's credential; a removed host is refused.
     */
    private Optional<Host> authenticated(UUID hostId, String authorization, HttpServletRequest http) {
        if (!onAgentConnector(http) || !certificateNames(http, hostId)) {
            return Optional.empty();
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return agents.authenticate(authorization.substring(7).trim()).filter(h -> h.getId().equals(hostId));
    }

    private boolean onAgentConnector(HttpServletRequest http) {
        return http.isSecure() && http.getLocalPort() == agentConnector.getLocalPort();
    }

    private static boolean certificateNames(HttpServletRequest http, UUID hostId) {
        Object attribute = http.getAttribute("jakarta.servlet.request.X509Certificate");
        if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
            return false;
        }
        return chain[0].getSubjectX500Principal().getName().equals("CN=" + hostId);
    }

    private static ResponseEntity<Object> problem(ErrorCode code, String detail) {
        return ResponseEntity.status(code.status()).contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(code, detail, null, java.util.List.of()));
    }
}
