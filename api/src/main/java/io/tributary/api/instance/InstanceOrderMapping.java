package io.tributary.api.instance;

import io.tributary.api.generated.model.BillingModeDto;
import io.tributary.api.generated.model.CapacityPolicyDto;
import io.tributary.api.generated.model.InstanceCreateDto;
import io.tributary.api.generated.model.SaslMechanismDto;
import io.tributary.api.generated.model.SecurityProtocolDto;
import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.json.JsonText;
import java.util.List;
import java.util.Map;

/** Copies a validated order onto a new instance, with the defaults a user gets when silent. */
final class InstanceOrderMapping {

    static final int DEFAULT_RETENTION_HOURS = 72;

    private InstanceOrderMapping() {
    }

    static void apply(InstanceCreateDto order, Instance instance, String defaultKafkaVersion, SecretCipher cipher) {
        instance.setDescription(order.getDescription());
        instance.setFlavor(order.getFlavor());
        instance.setBrokerCount(order.getBrokerCount());
        instance.setAvailabilityZones(order.getAvailabilityZones());
        instance.setStorageGb(order.getStorageGb());
        instance.setKafkaVersion(order.getKafkaVersion() != null ? order.getKafkaVersion() : defaultKafkaVersion);

        var security = order.getSecurity();
        SecurityProtocolDto protocol = security == null ? SecurityProtocolDto.PLAINTEXT : security.getProtocol();
        instance.setSecurityProtocol(protocol.getValue());
        List<String> mechanisms = security == null || security.getSaslMechanisms() == null ? List.of()
                : security.getSaslMechanisms().stream().map(SaslMechanismDto::getValue).distinct().toList();
        instance.setSaslMechanisms(mechanisms);
        if (protocol != SecurityProtocolDto.PLAINTEXT) {
            instance.setAdminUsername(security.getAdminUsername());
            instance.setAdminPasswordEncrypted(cipher.encrypt(security.getAdminPassword()));
        }

        instance.setAllowedCidrs(order.getNetwork() == null || order.getNetwork().getAllowedCidrs() == null
                ? List.of() : order.getNetwork().getAllowedCidrs());

        var retention = order.getRetention();
        instance.setRetentionHours(retention == null || retention.getDefaultHours() == null
                ? DEFAULT_RETENTION_HOURS : retention.getDefaultHours());
        instance.setBrokerRetentionHours(instance.getRetentionHours());
        instance.setAutoCreateTopics(Boolean.TRUE.equals(order.getAutoCreateTopics()));
        instance.setDeletionProtection(Boolean.TRUE.equals(order.getDeletionProtection()));
        instance.setCapacityPolicy(retention == null || retention.getCapacityPolicy() == null
                ? CapacityPolicyDto.TIME_BASE.getValue() : retention.getCapacityPolicy().getValue());

        if (order.getMaintenanceWindow() != null) {
            setMaintenanceWindow(instance, order.getMaintenanceWindow());
        }

        var billing = order.getBilling();
        instance.setBillingMode(billing == null ? BillingModeDto.PAY_PER_USE.getValue() : billing.getMode().getValue());
        instance.setBillingPeriodMonths(billing == null ? null : billing.getPeriodMonths());
        instance.setBillingAutoRenew(billing != null && Boolean.TRUE.equals(billing.getAutoRenew()));

        instance.setTags(order.getTags() == null ? Map.of() : order.getTags());
        instance.setBrokerConfig(order.getBrokerConfig() == null ? Map.of() : order.getBrokerConfig());
    }

    /** The window as it is stored (an order's and a change's alike); 4 hours when the duration is left out. */
    static void setMaintenanceWindow(Instance instance, io.tributary.api.generated.model.MaintenanceWindowDto w) {
        instance.setMaintenanceWindow(JsonText.write(Map.of("dayOfWeek", w.getDayOfWeek().getValue(),
                "startHour", w.getStartHour(), "durationHours", w.getDurationHours() == null ? 4 : w.getDurationHours())));
    }
}
