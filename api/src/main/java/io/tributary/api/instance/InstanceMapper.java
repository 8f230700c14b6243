package io.tributary.api.instance;

import io.tributary.api.generated.model.BillingModeDto;
import io.tributary.api.generated.model.BillingSpecDto;
import io.tributary.api.generated.model.BrokerDto;
import io.tributary.api.generated.model.CapacityPolicyDto;
import io.tributary.api.generated.model.DayOfWeekDto;
import io.tributary.api.generated.model.InstanceDto;
import io.tributary.api.generated.model.InstanceStatusDto;
import io.tributary.api.generated.model.MaintenanceWindowDto;
import io.tributary.api.generated.model.NetworkSpecDto;
import io.tributary.api.generated.model.RetentionSpecDto;
import io.tributary.api.generated.model.SaslMechanismDto;
import io.tributary.api.generated.model.SecurityProtocolDto;
import io.tributary.api.generated.model.SecurityViewDto;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.host.ListenerPorts;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.json.JsonText;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An instance as the API shows it: the order (never its secrets), its status and its brokers. */
@Component
class InstanceMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BrokerRepository brokers;
    private final HostRepository hosts;

    InstanceMapper(BrokerRepository brokers, HostRepository hosts) {
        this.brokers = brokers;
        this.hosts = hosts;
    }

    @Transactional(readOnly = true)
    InstanceDto toDto(Instance i) {
        InstanceDto dto = new InstanceDto().id(i.getId()).projectId(i.getProjectId()).name(i.getName())
                .description(i.getDescription())
                .status(InstanceStatusDto.fromValue(i.getStatus().name())).statusReason(i.getStatusReason())
                .flavor(i.getFlavor()).brokerCount(i.getBrokerCount()).availabilityZones(i.getAvailabilityZones())
                .storageGb(i.getStorageGb()).kafkaVersion(i.getKafkaVersion())
                .security(new SecurityViewDto().protocol(SecurityProtocolDto.fromValue(i.getSecurityProtocol()))
                        .saslMechanisms(i.getSaslMechanisms().stream().map(SaslMechanismDto::fromValue).toList())
                        .adminUsername(i.getAdminUsername()))
                .network(new NetworkSpecDto().allowedCidrs(i.getAllowedCidrs()))
                .retention(new RetentionSpecDto().defaultHours(i.getRetentionHours())
                        .capacityPolicy(CapacityPolicyDto.fromValue(i.getCapacityPolicy())))
                .billing(new BillingSpecDto().mode(BillingModeDto.fromValue(i.getBillingMode()))
                        .periodMonths(i.getBillingPeriodMonths()).autoRenew(i.isBillingAutoRenew()))
                .tags(i.getTags()).brokerConfig(i.getBrokerConfig())
                .bootstrapServers(i.getStatus().isServing() ? i.getBootstrapServers() : null)
                .autoCreateTopics(i.isAutoCreateTopics())
                .deletionProtection(i.isDeletionProtection())
                .connection(i.getStatus().isServing() && i.getBootstrapServers() != null ? ConnectionInfo.of(i) : null)
                .brokers(brokers(i))
                .currentOperationId(i.getCurrentOperationId())
                .createdAt(i.getCreatedAt().atOffset(ZoneOffset.UTC))
                .updatedAt(i.getUpdatedAt().atOffset(ZoneOffset.UTC));
        if (i.getMaintenanceWindow() != null) {
            Map<?, ?> w = JsonText.read(i.getMaintenanceWindow(), Map.class);
            dto.maintenanceWindow(new MaintenanceWindowDto()
                    .dayOfWeek(DayOfWeekDto.fromValue((String) w.get("dayOfWeek")))
                    .startHour(((Number) w.get("startHour")).intValue())
                    .durationHours(((Number) w.get("durationHours")).intValue()));
        }
        return dto;
    }

    private List<BrokerDto> brokers(Instance instance) {
        Map<Integer, Host> byNode = hosts.findLiveByInstance(instance.getId()).stream()
                .collect(Collectors.toMap(Host::getNodeId, Function.identity()));
        return brokers.findByInstanceIdOrderByNodeId(instance.getId()).stream().map(b -> {
            Host host = byNode.get(b.getNodeId());
            BrokerDto dto = new BrokerDto().nodeId(b.getNodeId()).availabilityZone(b.getAvailabilityZone())
                    .roles(b.getRoles().stream().map(BrokerDto.RolesEnum::fromValue).toList())
                    .pendingRestart(b.isPendingRestart())
                    .status(status(host));
            if (instance.isSasl() && dto.getStatus() == BrokerDto.StatusEnum.RUNNING) {
                logins(dto, b, Broker.startOf(host.getObservedState()));
            }
            if (host != null && host.getAddress() != null) {
                dto.host(host.getAddress()).port(ListenerPorts.of(host).client());
            }
            if (host != null && host.getObservedState() != null) {
                JsonNode observed = JSON.readTree(host.getObservedState());
                dto.kafkaVersion(observed.path("kafkaVersion").isTextual() ? observed.path("kafkaVersion").asText() : null);
                JsonNode disk = observed.path("disk");
                if (!disk.isMissingNode()) {
                    dto.diskUsedBytes(disk.path("usedBytes").asLong()).diskLimitBytes(disk.path("limitBytes").asLong())
                            .produceRejected(disk.path("produceRejected").asBoolean(false));
                }
            }
            return dto;
        }).toList();
    }

    /**
     * A SASL broker the agent reports running counts as running once the health monitor's probe login to it worked
     * after its latest start (issue 20). A broker never checked yet (a new instance) keeps the agent's word.
     */
    private static void logins(BrokerDto dto, Broker broker, String start) {
        if (broker.getLoginCheckedStart() == null) {
            return;
        }
        if (!broker.getLoginCheckedStart().equals(start)) {
            dto.status(BrokerDto.StatusEnum.STARTING).statusReason("SASL logins not checked yet since the broker started");
        } else if (broker.getLoginProblem() != null) {
            dto.status(BrokerDto.StatusEnum.DOWN).statusReason(broker.getLoginProblem());
        }
    }

    private static BrokerDto.StatusEnum status(Host host) {
        if (host == null || host.getBrokerStatus() == null) {
            return BrokerDto.StatusEnum.PENDING;
        }
        return switch (host.getBrokerStatus()) {
            case "RUNNING" -> BrokerDto.StatusEnum.RUNNING;
            case "STARTING" -> BrokerDto.StatusEnum.STARTING;
            case "STOPPED" -> BrokerDto.StatusEnum.STOPPED;
            default -> BrokerDto.StatusEnum.DOWN;
        };
    }
}
