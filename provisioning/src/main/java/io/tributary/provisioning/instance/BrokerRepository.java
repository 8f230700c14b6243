package io.tributary.provisioning.instance;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BrokerRepository extends JpaRepository<Broker, Broker.Key> {

    List<Broker> findByInstanceIdOrderByNodeId(UUID instanceId);
}
