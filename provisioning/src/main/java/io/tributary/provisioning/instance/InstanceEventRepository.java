package io.tributary.provisioning.instance;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceEventRepository extends JpaRepository<InstanceEvent, UUID> {

    Page<InstanceEvent> findByInstanceIdOrderByOccurredAtDescIdDesc(UUID instanceId, Pageable pageable);
}
