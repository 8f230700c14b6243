package io.tributary.provisioning.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.instance.Broker;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlacementAndTuningTest {

    @Test
    void brokersSpreadOverZonesAndTheFirstThreeAreControllersInDistinctZones() {
        List<Broker> brokers = Placement.place(UUID.randomUUID(), 5, List.of("az1", "az2", "az3"));
        assertThat(brokers).extracting(Broker::getAvailabilityZone).containsExactly("az1", "az2", "az3", "az1", "az2");
        List<Broker> controllers = brokers.stream().filter(Broker::isController).toList();
        assertThat(controllers).hasSize(3);
        assertThat(controllers.stream().map(Broker::getAvailabilityZone).collect(Collectors.toSet())).hasSize(3);
        assertThat(brokers.get(4).getRoles()).containsExactly("broker");
    }

    @Test
    void oneZoneHoldsEveryBroker() {
        assertThat(Placement.place(UUID.randomUUID(), 3, List.of("az2"))).extracting(Broker::getAvailabilityZone)
                .containsOnly("az2");
    }

    @Test
    void tuningFollowsTheFlavorAndTheBrokerCount() {
        var small = new FlavorCatalog().get("kafka.2u4g");
        var large = new FlavorCatalog().get("kafka.8u16g");
        Map<String, String> s = BrokerTuning.settings(small, 3, 72, 100L << 30);
        assertThat(s).containsEntry("default.replication.factor", "3").containsEntry("min.insync.replicas", "2")
                .containsEntry("unclean.leader.election.enable", "false").containsEntry("auto.create.topics.enable", "false")
                .containsEntry("num.network.threads", "3").containsEntry("num.io.threads", "8")
                .containsEntry("log.retention.hours", "72").containsEntry("tributary.max.partitions.per.broker", "250")
                .doesNotContainKey("tributary.max.partitions")
                .containsEntry("log.segment.bytes", Long.toString(512L << 20));
        assertThat(BrokerTuning.settings(large, 6, 24, 100L << 30)).containsEntry("num.io.threads", "16")
                .containsEntry("num.network.threads", "8").containsEntry("num.replica.fetchers", "4")
                .containsEntry("tributary.max.partitions.per.broker", "1000");
        assertThat(small.brokerHeapMb()).isEqualTo(2048);
        assertThat(new FlavorCatalog().get("kafka.16u32g").brokerHeapMb()).isEqualTo(6144);
    }

    @Test
    void metadataSnapshotsAreTakenEachMinuteSoARestartedNodeDoesNotReplayOldScramDeletions() {
        var small = new FlavorCatalog().get("kafka.2u4g");
        assertThat(BrokerTuning.settings(small, 3, 72, 100L << 30, false, "admin"))
                .containsEntry("metadata.log.max.snapshot.interval.ms", "60000");
    }

    @Test
    void aSmallDiskGetsSmallSegmentsSoOldDataCanBeFreedInSteps() {
        var small = new FlavorCatalog().get("kafka.2u4g");
        assertThat(BrokerTuning.settings(small, 3, 72, 25L << 20)).containsEntry("log.segment.bytes", Long.toString((25L << 20) / 20));
        assertThat(BrokerTuning.settings(small, 3, 72, 4L << 20)).containsEntry("log.segment.bytes", Long.toString(1L << 20));
    }

    @Test
    void saslInstancesDenyWithoutAnAclAndOnlyBrokersTheControlPlaneAndTheAdminAreSuper() {
        var small = new FlavorCatalog().get("kafka.2u4g");
        assertThat(BrokerTuning.settings(small, 3, 72, 100L << 30, true, "admin"))
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:CN=broker;User:CN=control-plane;User:admin")
                .containsEntry("tributary.platform.principals", "User:CN=broker;User:CN=control-plane")
                .containsEntry("auto.create.topics.enable", "true");
        assertThat(BrokerTuning.settings(small, 3, 72, 100L << 30, false, null))
                .containsEntry("allow.everyone.if.no.acl.found", "true")
                .containsEntry("super.users", "User:CN=broker;User:CN=control-plane");
    }
}
