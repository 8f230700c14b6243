package io.tributary.api.audit;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface AuditEventRepository extends JpaRepository<AuditEvent, UUID> {

    Page<AuditEvent> findByProjectIdOrderByOccurredAtDescIdDesc(UUID projectId, Pageable pageable);

    /** Sets the outcome of a PENDING event, and the resource id the change ended up naming. */
    @Modifying
    @Transactional
    @Query("update AuditEvent e set e.result = :result, e.detail = :detail,"
            + " e.resourceId = :resourceId where e.id = :id")
    int finish(@Param("id") UUID id, @Param("result") String result, @Param("resourceId") String resourceId,
               @Param("detail") String detail);
}
