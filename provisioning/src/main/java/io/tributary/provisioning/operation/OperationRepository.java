package io.tributary.provisioning.operation;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OperationRepository extends JpaRepository<Operation, UUID> {

    Optional<Operation> findByIdAndProjectId(UUID id, UUID projectId);

    /** The instance an operation of the project is about, without loading the operation. */
    @Query("select o.instanceId from Operation o where o.id = :id and o.projectId = :projectId")
    Optional<UUID> findInstanceId(@Param("id") UUID id, @Param("projectId") UUID projectId);

    /** The operation, its row locked until the transaction ends (take the instance's lock first). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Operation o where o.id = :id")
    Optional<Operation> lockById(@Param("id") UUID id);

    /** The instance's operation waiting for its maintenance window, if there is one. */
    @Query("""
            select o from Operation o where o.instanceId = :instanceId and o.scheduledAt is not null
              and o.status = io.tributary.provisioning.operation.OperationStatus.PENDING and o.currentStep is null
            """)
    Optional<Operation> findScheduled(@Param("instanceId") UUID instanceId);

    @Query("""
            select o from Operation o where o.projectId = :projectId
              and (:instanceId is null or o.instanceId = :instanceId)
            order by o.createdAt desc, o.id
            """)
    Page<Operation> search(@Param("projectId") UUID projectId, @Param("instanceId") UUID instanceId, Pageable pageable);

    /** Ids of unfinished operations that are due and not leased by a live replica. */
    @Query(value = """
            select id from operations
            where status in ('PENDING', 'RUNNING') and next_attempt_at <= :now
              and (lease_until is null or lease_until < :now)
            order by next_attempt_at
            limit :max
            """, nativeQuery = true)
    List<UUID> findDue(@Param("now") Instant now, @Param("max") int max);

    /**
     * Takes the lease on one operation; 1 when this replica got it. The condition repeats the
     * due-check so two replicas racing for the same row cannot both win.
     */
    @Modifying
    @Query(value = """
            update operations set lease_owner = :owner, lease_until = :until
            where id = :id and status in ('PENDING', 'RUNNING')
              and (lease_until is null or lease_until < :now)
            """, nativeQuery = true)
    int lease(@Param("id") UUID id, @Param("owner") String owner, @Param("now") Instant now, @Param("until") Instant until);

    /** Extends a lease this replica still owns (whatever the operation's status: its worker may still run). */
    @Modifying
    @Query(value = "update operations set lease_until = :until where id = :id and lease_owner = :owner", nativeQuery = true)
    int renew(@Param("id") UUID id, @Param("owner") String owner, @Param("until") Instant until);

    /**
     * The fence before each step: extends the lease only if this replica still owns it and the
     * operation is unfinished (a cancelled or finished operation runs no further step); 1 when so.
     */
    @Modifying
    @Query(value = """
            update operations set lease_until = :until
            where id = :id and lease_owner = :owner and status in ('PENDING', 'RUNNING')
            """, nativeQuery = true)
    int extendIfOpen(@Param("id") UUID id, @Param("owner") String owner, @Param("until") Instant until);

    @Modifying
    @Query(value = "update operations set lease_owner = null, lease_until = null where id = :id and lease_owner = :owner",
            nativeQuery = true)
    int release(@Param("id") UUID id, @Param("owner") String owner);

    /** Other operations of the instance whose worker may still be running (finished or cancelled ones too). */
    @Query(value = "select count(*) from operations where instance_id = :instanceId and id <> :id and lease_until > :now",
            nativeQuery = true)
    long countOtherLeased(@Param("instanceId") UUID instanceId, @Param("id") UUID id, @Param("now") Instant now);

    long countByInstanceIdAndTypeAndCreatedAtAfter(UUID instanceId, OperationType type, Instant after);

    List<Operation> findByInstanceIdAndStatusIn(UUID instanceId, List<OperationStatus> statuses);

    /**
     * The instance's unfinished operations, locked until the transaction ends: a worker's record of its progress (and
     * its lease's fence) waits, then sees what this transaction decided.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select o from Operation o where o.instanceId = :instanceId
              and o.status in (io.tributary.provisioning.operation.OperationStatus.PENDING,
                               io.tributary.provisioning.operation.OperationStatus.RUNNING)
            order by o.id
            """)
    List<Operation> lockOpen(@Param("instanceId") UUID instanceId);
}
