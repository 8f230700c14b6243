package io.tributary.provisioning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of provisioning, under {@code tributary.provisioning}. Wrong values stop the control
 * plane at start with a message naming the setting.
 *
 * @param availabilityZones zones brokers can be placed in
 * @param kafkaVersions     Kafka versions the agents ship; the first is the default
 * @param hostProvider      {@code local} (spawn broker agents on this machine) or {@code pool}
 * @param advertisedUrl     URL agents use to reach this control plane; empty = http://127.0.0.1:{server.port}
 * @param createTimeout     how long an order may take before it fails
 * @param local             settings of the local host provider
 * @param deleteTimeout     how long a deletion may take (mostly: wait for a cancelled creation's
 *                          worker to stop) before it fails; a failed deletion can be asked for again
 */
@Validated
@ConfigurationProperties("tributary.provisioning")
public record ProvisioningProperties(
        @NotEmpty List<@NotBlank String> availabilityZones,
        @NotEmpty List<@NotBlank String> kafkaVersions,
        @NotBlank String hostProvider,
        String advertisedUrl,
        Duration createTimeout,
        Local local,
        Duration deleteTimeout) {

    public ProvisioningProperties {
        if (createTimeout == null) {
            createTimeout = Duration.ofMinutes(10);
        }
        if (local == null) {
            local = new Local(null, null, 19100, 512, null, 0, null);
        }
        if (deleteTimeout == null) {
            deleteTimeout = Duration.ofMinutes(15);
        }
    }

    public String defaultKafkaVersion() {
        return kafkaVersions.get(0);
    }

    /**
     * @param agentDistribution the broker-agent distribution (bin/, lib/, kafka/); empty = found next to the build
     * @param hostsDirectory    where local hosts keep their data; empty = {tributary.home}/hosts
     * @param portRangeStart    first port of the blocks handed to local hosts (10 ports each)
     * @param maxBrokerHeapMb   cap on a local broker's heap, since all brokers share this machine
     * @param javaCommand       java used for agents; empty = the control plane's own
     * @param bytesPerStorageGb how many bytes one ordered "GB" is on a local host's simulated disk
     *                          (0 = a real GiB); small values let a test fill a disk quickly
     * @param startGate         a test seam: while this file exists, a local host waits before it starts
     *                          its agent (so a test can hold a creation mid-step); empty = never waits
     */
    public record Local(Path agentDistribution, Path hostsDirectory,
                        @Min(1024) @Max(65000) int portRangeStart,
                        @Min(128) int maxBrokerHeapMb,
                        String javaCommand,
                        long bytesPerStorageGb,
                        Path startGate) {

        public long storageBytes(int storageGb) {
            return storageGb * (bytesPerStorageGb > 0 ? bytesPerStorageGb : 1L << 30);
        }
    }
}
