package io.tributary.api.identity;

import io.tributary.api.config.TributaryProperties;
import io.tributary.api.project.Project;
import io.tributary.api.project.ProjectMember;
import io.tributary.api.project.ProjectMemberRepository;
import io.tributary.api.project.ProjectRepository;
import io.tributary.api.project.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start on an empty database: an account, the platform admin {@code admin}, the project
 * {@code default} it owns, and its API key — TRIBUTARY_BOOTSTRAP_TOKEN if set, else a new one
 * printed once to the log.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserRepository users;
    private final AccountRepository accounts;
    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final ApiKeyService apiKeys;
    private final TributaryProperties properties;
    private final Clock clock;

    BootstrapAdmin(UserRepository users, AccountRepository accounts, ProjectRepository projects,
                   ProjectMemberRepository members, ApiKeyService apiKeys, TributaryProperties properties, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.projects = projects;
        this.members = members;
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        Account account = accounts.save(new Account(UUID.randomUUID(), "platform", now));
        User admin = users.save(new User(UUID.randomUUID(), account.getId(), "admin", true, now));
        Project project = projects.save(new Project(UUID.randomUUID(), account.getId(), "default",
                "Created at bootstrap", now));
        members.save(new ProjectMember(project.getId(), admin.getId(), Role.owner, now));
        String token = properties.bootstrapToken();
        if (token != null && !token.isBlank()) {
            apiKeys.store(admin.getId(), "bootstrap", token);
            log.info("Bootstrap admin 'admin' created with the API key from TRIBUTARY_BOOTSTRAP_TOKEN; project 'default' ({})",
                    project.getId());
        } else {
            ApiKeyService.Created created = apiKeys.create(admin.getId(), "bootstrap");
            log.info("Bootstrap admin 'admin' created; project 'default' ({}). Its API key, shown only now: {}",
                    project.getId(), created.token());
        }
    }
}
