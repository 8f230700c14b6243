package io.tributary.provisioning.kafkauser;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KafkaUserRepository extends JpaRepository<KafkaUser, KafkaUser.Key> {

    List<KafkaUser> findByInstanceIdOrderByName(UUID instanceId);
}
