package io.tributary.api.tenancy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends JpaRepository<Project, UUID> {

    boolean existsByAccountIdAndName(UUID accountId, String name);

    @Query("select p from Project p, ProjectMember m where m.projectId = p.id and m.userId = :userId order by p.createdAt")
    List<Project> findForMember(@Param("userId") UUID userId);
}
