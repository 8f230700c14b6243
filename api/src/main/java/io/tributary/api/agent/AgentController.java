package io.tributary.api.agent;

import io.tributary.api.error.ErrorCode;
import io.tributary.api.error.Problems;
import io.tributary.provisioning.host.AgentService;
import io.tributary.provisioning.host.Host;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * The agent API of docs/agent-api.md. Hosts authenticate with the credential enrollment gave
 * them; a host may only read and report its own state.
 */
@RestController
@RequestMapping(path = "/agent/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AgentController {

    private final AgentService agents;

    AgentController(AgentService agents) {
        this.agents = agents;
    }

    record EnrollRequest(String joinToken, String hostname, String availabilityZone, String address, String agentVersion) {
    }

    @PostMapping("/enroll")
    ResponseEntity<Object> enroll(@RequestBody EnrollRequest request) {
        return agents.enroll(request.joinToken(), request.availabilityZone(), request.address())
                .<ResponseEntity<Object>>map(e -> ResponseEntity.ok(Map.of("hostId", e.hostId(), "credential", e.credential())))
                .orElseGet(() -> problem(ErrorCode.UNAUTHENTICATED, "the join token is unknown, used or expired"));
    }

    @GetMapping("/hosts/{hostId}/desired-state")
    ResponseEntity<Object> desiredState(@PathVariable UUID hostId,
                                        @RequestHeader(value = "Authorization", required = false) String authorization,
                                        @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        Optional<Host> host = authenticated(hostId, authorization);
        if (host.isEmpty()) {
            return problem(ErrorCode.UNAUTHENTICATED, "host credential missing, wrong or revoked");
        }
        Host h = host.get();
        if (h.getDesiredState() == null) {
            return problem(ErrorCode.NOT_FOUND, "nothing to run yet");
        }
        String etag = "\"" + h.getId() + "-" + h.getDesiredGeneration() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        String body = h.getDesiredState().replaceFirst("^\\{", "{\"generation\":" + h.getDesiredGeneration() + ",");
        return ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping("/hosts/{hostId}/observed-state")
    ResponseEntity<Object> observedState(@PathVariable UUID hostId,
                                         @RequestHeader(value = "Authorization", required = false) String authorization,
                                         @RequestBody JsonNode report) {
        if (authenticated(hostId, authorization).isEmpty()) {
            return problem(ErrorCode.UNAUTHENTICATED, "host credential missing, wrong or revoked");
        }
        long generation = report.path("generation").asLong(-1);
        String brokerStatus = report.path("broker").path("status").asText(null);
        agents.observed(hostId, report.toString(), generation, brokerStatus);
        return ResponseEntity.noContent().build();
    }

    private Optional<Host> authenticated(UUID hostId, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return agents.authenticate(authorization.substring(7).trim()).filter(h -> h.getId().equals(hostId));
    }

    private static ResponseEntity<Object> problem(ErrorCode code, String detail) {
        return ResponseEntity.status(code.status()).contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(code, detail, null, java.util.List.of()));
    }
}
