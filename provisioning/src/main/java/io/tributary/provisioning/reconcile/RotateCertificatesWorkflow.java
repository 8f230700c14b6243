package io.tributary.provisioning.reconcile;

import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.host.Host;
import io.tributary.provisioning.host.HostRepository;
import io.tributary.provisioning.instance.Broker;
import io.tributary.provisioning.instance.BrokerRepository;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.tls.ControlPlaneClients;
import io.tributary.provisioning.tls.InstanceTls;
import io.tributary.provisioning.tls.KeyStoreReload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New broker certificates without a restart, one broker at a time: the broker's new certificate goes into
 * its desired state (its agent rewrites the key store file), then the control plane asks that broker to
 * reload its key stores (dynamic listener config), and checks that the broker presents the new certificate
 * before it moves to the next broker. Resumable: every check looks at what is, not at what was done.
 */
public class RotateCertificatesWorkflow {

    private static final Logger log = LoggerFactory.getLogger(RotateCertificatesWorkflow.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final InstanceRepository instances;
    private final BrokerRepository brokers;
    private final HostRepository hosts;
    private final InstanceTls tls;
    private final DesiredStateWriter desiredStates;
    private final KeyStoreReload reload;
    private final TransactionTemplate tx;

    public RotateCertificatesWorkflow(InstanceRepository instances, BrokerRepository brokers, HostRepository hosts,
                                      InstanceTls tls, DesiredStateWriter desiredStates, ControlPlaneClients clients,
                                      TransactionTemplate tx) {
        this.instances = instances;
        this.brokers = brokers;
        this.hosts = hosts;
        this.tls = tls;
        this.desiredStates = desiredStates;
        this.reload = new KeyStoreReload(clients, tls);
        this.tx = tx;
    }

    public List<Step> steps() {
        return List.of(new Step("ROTATE_BROKERS", 5, this::rotateNext));
    }

    private StepResult rotateNext(Operation op, Instance current) {
        Instance instance = instances.findById(current.getId()).orElseThrow();
        List<Broker> all = brokers.findByInstanceIdOrderByNodeId(instance.getId());
        int done = 0;
        for (Broker broker : all) {
            Host host = hostOf(instance, broker);
            int percent = 5 + 90 * done / all.size();
            if (!InstanceTls.issuedSince(broker, op.getCreatedAt())) {
                tx.executeWithoutResult(s -> {
                    Broker fresh = brokers.findById(new Broker.Key(broker.getInstanceId(), broker.getNodeId())).orElseThrow();
                    tls.renewBrokerCertificate(instance, fresh, host);
                    brokers.save(fresh);
                });
                desiredStates.write(instance.getId());
                log.info("instance={} operation={} broker {} has a new certificate", instance.getId(), op.getId(),
                        broker.getNodeId());
                return StepResult.waitFor(POLL, percent, "broker " + broker.getNodeId() + ": new certificate issued");
            }
            if (!host.brokerConverged()) {
                return StepResult.waitFor(POLL, percent, "broker " + broker.getNodeId() + ": its agent writes the new key store");
            }
            if (!reload.presents(instance, broker, host)) {
                reload.request(instance, broker);
                return StepResult.waitFor(POLL, percent, "broker " + broker.getNodeId() + ": reloading its key stores");
            }
            done++;
        }
        return StepResult.done();
    }

    private Host hostOf(Instance instance, Broker broker) {
        Optional<Host> host = hosts.findLiveByInstance(instance.getId()).stream()
                .filter(h -> h.getNodeId() != null && h.getNodeId() == broker.getNodeId()).findFirst();
        return host.orElseThrow(() -> new IllegalStateException("broker " + broker.getNodeId() + " has no host"));
    }
}
