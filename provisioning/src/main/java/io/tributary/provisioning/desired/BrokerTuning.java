package io.tributary.provisioning.desired;

import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.tls.InstanceTls;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tuned broker: every setting Tributary derives from the flavor and the order, in one place.
 * Identity, listener and KRaft settings are the agent's to render and are not here.
 */
public final class BrokerTuning {

    private BrokerTuning() {
    }

    public static final String AUTHORIZER = "io.tributary.broker.TributaryAuthorizer";
    public static final String PARTITION_POLICY = "io.tributary.broker.PartitionLimitPolicy";
    static final long METADATA_SNAPSHOT_INTERVAL_MS = 60_000;

    public static Map<String, String> settings(Flavor flavor, int brokerCount, int retentionHours, long storageBytes) {
        return settings(flavor, brokerCount, retentionHours, storageBytes, false, null);
    }

    /**
     * @param autoCreateTopics the instance setting (Kafka's auto.create.topics.enable)
     * @param saslAdmin        the admin user of a SASL instance (a super user; ACLs then deny by default),
     *                         or null for PLAINTEXT (everyone may do what no ACL restricts)
     */
    public static Map<String, String> settings(Flavor flavor, int brokerCount, int retentionHours, long storageBytes,
                                               boolean autoCreateTopics, String saslAdmin) {
        int replication = Math.min(3, brokerCount);
        Map<String, String> s = new TreeMap<>();
        s.put("num.network.threads", Integer.toString(flavor.numNetworkThreads()));
        s.put("num.io.threads", Integer.toString(flavor.numIoThreads()));
        s.put("num.replica.fetchers", Integer.toString(flavor.numReplicaFetchers()));
        s.put("num.recovery.threads.per.data.dir", Integer.toString(Math.max(1, flavor.vcpus() / 2)));
        s.put("socket.send.buffer.bytes", "102400");
        s.put("socket.receive.buffer.bytes", "102400");
        s.put("socket.request.max.bytes", "104857600");
        // at least ~20 segments fit the disk, so deleting the oldest data frees space in steps
        s.put("log.segment.bytes", Long.toString(Math.max(1L << 20, Math.min(512L << 20, storageBytes / 20))));
        s.put("log.retention.hours", Integer.toString(retentionHours));
        s.put("log.retention.check.interval.ms", "10000");
        s.put("log.segment.delete.delay.ms", "5000");
        s.put("default.replication.factor", Integer.toString(replication));
        s.put("min.insync.replicas", brokerCount >= 3 ? "2" : "1");
        s.put("offsets.topic.replication.factor", Integer.toString(replication));
        s.put("transaction.state.log.replication.factor", Integer.toString(replication));
        s.put("transaction.state.log.min.isr", Integer.toString(Math.min(2, replication)));
        s.put("unclean.leader.election.enable", "false");
        s.put("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
        s.put("num.partitions", "3");
        s.put("group.initial.rebalance.delay.ms", "3000");
        // a metadata snapshot each minute (Kafka's default: each hour) once the log has grown: a restarted node
        // that loads a snapshot holding an old SCRAM deletion keeps its SCRAM users, while one replaying the
        // deletion from the log loses them all (Kafka's ScramDelta.apply, docs/security.md, issue 20). We write
        // no deletions any more; this covers instances that hold some from before. Not tenant-tunable.
        s.put("metadata.log.max.snapshot.interval.ms", Long.toString(METADATA_SNAPSHOT_INTERVAL_MS));
        // our broker plugins: the disk-full write guard, the network allow-list and the flavor's partition limit
        s.put("authorizer.class.name", AUTHORIZER);
        s.put("allow.everyone.if.no.acl.found", Boolean.toString(saslAdmin == null));
        // brokers and controllers meet on mutual-TLS listeners as CN=broker; the control plane as
        // CN=control-plane. KRaft needs its peers super: until the metadata is loaded the authorizer
        // refuses everyone else, including the votes that would load it.
        s.put("super.users", InstanceTls.BROKER_PRINCIPAL + ";" + InstanceTls.CONTROL_PLANE_PRINCIPAL
                + (saslAdmin == null ? "" : ";User:" + saslAdmin));
        // only these may alter the cluster and its configs (TributaryAuthorizer), so a tenant's super user cannot
        // step around the API's allow-list of broker settings with Kafka's own admin calls
        s.put("tributary.platform.principals", InstanceTls.BROKER_PRINCIPAL + ";" + InstanceTls.CONTROL_PLANE_PRINCIPAL);
        s.put("create.topic.policy.class.name", PARTITION_POLICY);
        // the policy multiplies it by the brokers it counts, so a scale-out or scale-in restarts no broker for it
        s.put("tributary.max.partitions.per.broker", Integer.toString(flavor.maxPartitionsPerBroker()));
        return s;
    }

    /** G1 with short pauses, as Kafka's own start script uses. */
    public static java.util.List<String> jvmOptions() {
        return java.util.List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");
    }
}
