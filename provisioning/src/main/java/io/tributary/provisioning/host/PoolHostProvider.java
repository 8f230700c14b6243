package io.tributary.provisioning.host;

import io.tributary.provisioning.instance.Broker;
import java.time.Clock;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hosts whose agents enrolled on their own (VMs from Terraform or cloud-init, bare metal).
 * Placement takes the oldest free host in the broker's zone.
 */
public class PoolHostProvider implements HostProvider {

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

    @Override
    public void releaseHost(Host host) {
        tx.executeWithoutResult(s -> hosts.findById(host.getId()).ifPresent(h -> {
            h.release(clock.instant());
            hosts.save(h);
        }));
    }
}
