package io.tributary.provisioning.host;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HostRepository extends JpaRepository<Host, UUID> {

    /**
     * The host whose join token has this hash, locked ({@code SELECT ... FOR UPDATE}) until the enrollment commits:
     * a concurrent enrollment with the same token waits, then finds the token gone.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from Host h where h.joinTokenHash = :hash")
    Optional<Host> lockByJoinTokenHash(@Param("hash") String hash);

    Optional<Host> findByCredentialHash(String hash);

    @Query("select h from Host h where h.instanceId = :instanceId and h.status <> io.tributary.provisioning.host.HostStatus.REMOVED order by h.nodeId")
    List<Host> findLiveByInstance(@Param("instanceId") UUID instanceId);

    @Query("select h from Host h where h.instanceId = :instanceId and h.nodeId = :nodeId and h.status <> io.tributary.provisioning.host.HostStatus.REMOVED")
    Optional<Host> findLiveByBroker(@Param("instanceId") UUID instanceId, @Param("nodeId") int nodeId);

    @Query("select h.portBase from Host h where h.provider = 'local' and h.status <> io.tributary.provisioning.host.HostStatus.REMOVED")
    List<Integer> usedLocalPortBases();

    @Query("select h from Host h where h.provider = 'pool' and h.status = io.tributary.provisioning.host.HostStatus.READY and h.availabilityZone = :zone order by h.createdAt")
    List<Host> findFreePoolHosts(@Param("zone") String zone);

    @Query("select h from Host h where h.status <> io.tributary.provisioning.host.HostStatus.REMOVED order by h.createdAt")
    List<Host> findAllLive();
}
