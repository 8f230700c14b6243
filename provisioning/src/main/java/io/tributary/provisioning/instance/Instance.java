package io.tributary.provisioning.instance;

import io.tributary.provisioning.json.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An ordered Kafka instance: what the user asked for and where its lifecycle stands. */
@Entity
@Table(name = "instances")
public class Instance {

    @Id
    private UUID id;
    private UUID projectId;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private InstanceStatus status;
    private String statusReason;
    private String flavor;
    private int brokerCount;
    private String availabilityZones;
    private int storageGb;
    private String kafkaVersion;
    private String securityProtocol;
    private String saslMechanisms;
    private String adminUsername;
    @Column(name = "admin_password_enc")
    private String adminPasswordEncrypted;
    /** The platform probe user's password, sealed ({@code KafkaUser.PROBE}); null until the probe exists. */
    @Column(name = "probe_password_enc")
    private String probePasswordEncrypted;
    private String allowedCidrs;
    private int retentionHours;
    private String capacityPolicy;
    private String maintenanceWindow;
    private String billingMode;
    private Integer billingPeriodMonths;
    private boolean billingAutoRenew;
    private String tags;
    private String brokerConfig;
    private String clusterId;
    private String bootstrapServers;
    private String internalBootstrapServers;
    private boolean autoCreateTopics;
    private boolean deletionProtection;
    private Integer brokerRetentionHours;
    private String caCertificate;
    @Column(name = "ca_key_enc")
    private String caKeyEncrypted;
    private UUID currentOperationId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    private long version;

    protected Instance() {
    }

    public Instance(UUID id, UUID projectId, String name, Instant now) {
        this.id = id;
        this.projectId = projectId;
        this.name = name;
        this.status = InstanceStatus.CREATING;
        this.createdAt = now;
        this.updatedAt = now;
        this.tags = "{}";
        this.brokerConfig = "{}";
        this.availabilityZones = "[]";
        this.saslMechanisms = "[]";
        this.allowedCidrs = "[]";
    }

    /** Moves to {@code target}, refusing transitions the lifecycle does not allow. */
    public void moveTo(InstanceStatus target, String reason, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(status, target);
        }
        status = target;
        statusReason = reason;
        updatedAt = now;
        if (target == InstanceStatus.DELETED) {
            deletedAt = now;
        }
    }

    /** Changes why the instance is in its current status, without changing the status. */
    public void explain(String reason, Instant now) {
        statusReason = reason;
        updatedAt = now;
    }

    public UUID getId() { return id; }
    public UUID getProjectId() { return projectId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public InstanceStatus getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public String getFlavor() { return flavor; }
    public void setFlavor(String flavor) { this.flavor = flavor; }
    public int getBrokerCount() { return brokerCount; }
    public void setBrokerCount(int brokerCount) { this.brokerCount = brokerCount; }
    public List<String> getAvailabilityZones() { return JsonText.readList(availabilityZones); }
    public void setAvailabilityZones(List<String> zones) { this.availabilityZones = JsonText.write(zones); }
    public int getStorageGb() { return storageGb; }
    public void setStorageGb(int storageGb) { this.storageGb = storageGb; }
    public String getKafkaVersion() { return kafkaVersion; }
    public void setKafkaVersion(String kafkaVersion) { this.kafkaVersion = kafkaVersion; }
    public String getSecurityProtocol() { return securityProtocol; }
    public void setSecurityProtocol(String securityProtocol) { this.securityProtocol = securityProtocol; }
    public List<String> getSaslMechanisms() { return JsonText.readList(saslMechanisms); }
    public void setSaslMechanisms(List<String> mechanisms) { this.saslMechanisms = JsonText.write(mechanisms); }
    public String getAdminUsername() { return adminUsername; }
    public void setAdminUsername(String adminUsername) { this.adminUsername = adminUsername; }
    public String getAdminPasswordEncrypted() { return adminPasswordEncrypted; }
    public void setAdminPasswordEncrypted(String value) { this.adminPasswordEncrypted = value; }
    public String getProbePasswordEncrypted() { return probePasswordEncrypted; }
    public void setProbePasswordEncrypted(String value) { this.probePasswordEncrypted = value; }
    public List<String> getAllowedCidrs() { return JsonText.readList(allowedCidrs); }
    public void setAllowedCidrs(List<String> cidrs) { this.allowedCidrs = JsonText.write(cidrs); }
    public int getRetentionHours() { return retentionHours; }
    public void setRetentionHours(int retentionHours) { this.retentionHours = retentionHours; }
    public String getCapacityPolicy() { return capacityPolicy; }
    public void setCapacityPolicy(String capacityPolicy) { this.capacityPolicy = capacityPolicy; }
    public String getMaintenanceWindow() { return maintenanceWindow; }
    public void setMaintenanceWindow(String json) { this.maintenanceWindow = json; }
    public String getBillingMode() { return billingMode; }
    public void setBillingMode(String billingMode) { this.billingMode = billingMode; }
    public Integer getBillingPeriodMonths() { return billingPeriodMonths; }
    public void setBillingPeriodMonths(Integer months) { this.billingPeriodMonths = months; }
    public boolean isBillingAutoRenew() { return billingAutoRenew; }
    public void setBillingAutoRenew(boolean autoRenew) { this.billingAutoRenew = autoRenew; }
    public Map<String, String> getTags() { return JsonText.readMap(tags); }
    public void setTags(Map<String, String> tags) { this.tags = JsonText.writeMap(tags); }
    public Map<String, String> getBrokerConfig() { return JsonText.readMap(brokerConfig); }
    public void setBrokerConfig(Map<String, String> config) { this.brokerConfig = JsonText.writeMap(config); }
    public String getClusterId() { return clusterId; }
    public void setClusterId(String clusterId) { this.clusterId = clusterId; }
    public String getBootstrapServers() { return bootstrapServers; }
    public String getInternalBootstrapServers() { return internalBootstrapServers; }
    public void setInternalBootstrapServers(String servers) { this.internalBootstrapServers = servers; }
    public boolean isAutoCreateTopics() { return autoCreateTopics; }
    public void setAutoCreateTopics(boolean autoCreateTopics) { this.autoCreateTopics = autoCreateTopics; }
    public boolean isDeletionProtection() { return deletionProtection; }
    public void setDeletionProtection(boolean deletionProtection) { this.deletionProtection = deletionProtection; }
    /** log.retention.hours as the brokers were started with it; later changes are dynamic broker config. */
    public int getBrokerRetentionHours() { return brokerRetentionHours == null ? retentionHours : brokerRetentionHours; }
    public void setBrokerRetentionHours(int hours) { this.brokerRetentionHours = hours; }
    public String getCaCertificate() { return caCertificate; }
    public String getCaKeyEncrypted() { return caKeyEncrypted; }
    public void setCa(String certificatePem, String keyEncrypted) {
        this.caCertificate = certificatePem;
        this.caKeyEncrypted = keyEncrypted;
    }
    public boolean isSasl() { return securityProtocol != null && securityProtocol.startsWith("SASL_"); }
    public void setBootstrapServers(String servers) { this.bootstrapServers = servers; }
    public UUID getCurrentOperationId() { return currentOperationId; }
    public void setCurrentOperationId(UUID operationId) { this.currentOperationId = operationId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void touch(Instant now) { this.updatedAt = now; }
}
