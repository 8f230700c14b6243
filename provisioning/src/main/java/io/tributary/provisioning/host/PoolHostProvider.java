package io.tributary.provisioning.host;

import io.tributary.provisioning.crypto.Tokens;
import io.tributary.provisioning.instance.Broker;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hosts whose agents enrolled on their own (VMs from Terraform or cloud-init, bare metal).
 * Placement takes the oldest free host in the broker's zone; a released host is free again only once its agent
 * wiped everything the last instance left on it.
 */
public class PoolHostProvider implements HostProvider {

    private static final Logger log = LoggerFactory.getLogger(PoolHostProvider.class);

    private final HostRepository hosts;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PoolHostProvider(HostRepository hosts, TransactionTemplate tx, Clock clock) {
        this.hosts = hosts;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String name() {
        return Host.POOL;
    }

    @Override
    public Host ensureHost(Broker broker) {
        return tx.execute(s -> hosts.findLiveByBroker(broker.getInstanceId(), broker.getNodeId()).orElseGet(() -> {
            List<Host> free = hosts.findFreePoolHosts(broker.getAvailabilityZone());
            if (free.isEmpty()) {
                throw new NoCapacityException("no free pool host in " + broker.getAvailabilityZone());
            }
            Host host = free.get(0);
            host.assign(broker.getInstanceId(), broker.getNodeId(), clock.instant());
            return hosts.saveAndFlush(host);
        }));
    }

    /**
     * The host leaves the instance and its agent is told to wipe it (broker stopped; data, TLS material, users,
     * settings and desired state deleted). It is free for the next order only once the agent confirmed that
     * ({@link Host#observed}); until then placement does not see it.
     */
    @Override
    public void releaseHost(Host host) {
        tx.executeWithoutResult(s -> hosts.findById(host.getId()).ifPresent(h -> {
            if (h.getInstanceId() == null) {
                return; // released already (a retried step)
            }
            h.release(Tokens.newToken("wipe_"), clock.instant());
            hosts.save(h);
            log.info("pool host {} released; waiting for its agent to wipe it", h.getId());
        }));
    }
}
