package io.tributary.provisioning.host;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JoinTokenRepository extends JpaRepository<JoinToken, UUID> {

    Optional<JoinToken> findByTokenHash(String hash);
}
