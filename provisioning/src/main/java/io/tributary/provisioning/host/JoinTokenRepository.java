package io.tributary.provisioning.host;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JoinTokenRepository extends JpaRepository<JoinToken, UUID> {

    /**
     * The token with this hash, locked ({@code SELECT ... FOR UPDATE}) until the enrollment commits: a concurrent
     * enrollment with the same token waits, then sees it used.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from JoinToken t where t.tokenHash = :hash")
    Optional<JoinToken> lockByTokenHash(@Param("hash") String hash);
}
