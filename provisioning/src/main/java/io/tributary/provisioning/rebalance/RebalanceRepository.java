package io.tributary.provisioning.rebalance;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RebalanceRepository extends JpaRepository<Rebalance, UUID> {

    Optional<Rebalance> findFirstByInstanceIdOrderByCreatedAtDesc(UUID instanceId);
}
