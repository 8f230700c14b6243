package io.tributary.provisioning.instance;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InstanceRepository extends JpaRepository<Instance, UUID> {

    /** A live (not deleted) instance of a project. */
    @Query("select i from Instance i where i.id = :id and i.projectId = :projectId and i.status <> io.tributary.provisioning.instance.InstanceStatus.DELETED")
    Optional<Instance> findLive(@Param("projectId") UUID projectId, @Param("id") UUID id);

    /**
     * {@link #findLive}, with the row locked until the transaction ends, so a user's change waits for the reconciler's
     * write to the instance (and it for the change) instead of one of them failing on a stale version. Load the
     * instance with this first in the transaction: an instance already loaded is not read again.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Instance i where i.id = :id and i.projectId = :projectId and i.status <> io.tributary.provisioning.instance.InstanceStatus.DELETED")
    Optional<Instance> findLiveForUpdate(@Param("projectId") UUID projectId, @Param("id") UUID id);

    /** Locks the instance's row until the transaction ends (the instance, if already loaded, is not read again). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Instance i where i.id = :id")
    Optional<Instance> lockById(@Param("id") UUID id);

    @Query("select count(i) > 0 from Instance i where i.projectId = :projectId and i.name = :name and i.status <> io.tributary.provisioning.instance.InstanceStatus.DELETED")
    boolean nameTaken(@Param("projectId") UUID projectId, @Param("name") String name);

    /** Live (not deleted) instances of a project, for its quota. */
    @Query("select count(i) from Instance i where i.projectId = :projectId and i.status <> io.tributary.provisioning.instance.InstanceStatus.DELETED")
    long countLive(@Param("projectId") UUID projectId);

    @Query("""
            select i from Instance i
            where i.projectId = :projectId
              and i.status <> io.tributary.provisioning.instance.InstanceStatus.DELETED
              and (:status is null or i.status = :status)
              and (:nameLike is null or lower(i.name) like :nameLike)
              and (:tagLike is null or i.tags like :tagLike)
            order by i.createdAt desc, i.id
            """)
    Page<Instance> search(@Param("projectId") UUID projectId, @Param("status") InstanceStatus status,
                          @Param("nameLike") String nameLike, @Param("tagLike") String tagLike, Pageable pageable);

    List<Instance> findByStatusIn(List<InstanceStatus> statuses);
}
