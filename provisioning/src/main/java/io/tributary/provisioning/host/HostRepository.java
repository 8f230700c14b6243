package io.tributary.provisioning.host;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HostRepository extends JpaRepository<Host, UUID> {

    Optional<Host> findByJoinTokenHash(String hash);

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
