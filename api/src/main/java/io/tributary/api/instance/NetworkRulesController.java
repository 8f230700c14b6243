package io.tributary.api.instance;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.generated.NetworkRulesApi;
import io.tributary.api.generated.model.InstanceDto;
import io.tributary.api.generated.model.NetworkSpecDto;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The allow-list of client networks. Access is checked by ProjectAccessInterceptor. */
@RestController
class NetworkRulesController implements NetworkRulesApi {

    private final NetworkRulesService networkRules;
    private final AuditContext audit;

    NetworkRulesController(NetworkRulesService networkRules, AuditContext audit) {
        this.networkRules = networkRules;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<InstanceDto> replaceNetworkRules(UUID project, UUID instance, NetworkSpecDto body) {
        audit.resource(instance.toString());
        return ResponseEntity.ok(networkRules.replace(project, instance, body.getAllowedCidrs()));
    }
}
