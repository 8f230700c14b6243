package io.tributary.api.tenancy;

import io.tributary.api.config.TributaryProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start on an empty database: an account, the platform admin {@code admin}, the project
 * {@code default} it owns, and its API key — TRIBUTARY_BOOTSTRAP_TOKEN if set, else a new one
 * printed once to the log. Runs before the web server opens, so no request ever meets an
 * empty database.
 */
@Component
class BootstrapAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserRepository users;
    private final AccountRepository accounts;
    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final ApiKeyService apiKeys;
    private final TributaryProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    BootstrapAdmin(UserRepository users, AccountRepository accounts, ProjectRepository projects,
                   ProjectMemberRepository members, ApiKeyService apiKeys, TributaryProperties properties, Clock clock,
                   TransactionTemplate tx) {
        this.users = users;
        this.accounts = accounts;
        this.projects = projects;
        this.members = members;
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(s -> bootstrap());
    }

    private void bootstrap() {
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
