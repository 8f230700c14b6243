package io.tributary.api.tenancy;

import io.tributary.api.error.ApiException;
import io.tributary.provisioning.crypto.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys: made with 256 random bits, shown once, kept as a SHA-256, revocable. */
@Service
public class ApiKeyService {

    static final String PREFIX = "trb_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, UserRepository users, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.clock = clock;
    }

    public record Created(ApiKey key, String token) {
    }

    @Transactional
    public Created create(UUID userId, String name) {
        return store(userId, name, Tokens.newToken(PREFIX));
    }

    /** Stores a key whose token was chosen elsewhere (the bootstrap token). */
    @Transactional
    public Created store(UUID userId, String name, String token) {
        ApiKey key = new ApiKey(UUID.randomUUID(), userId, name, token.substring(0, Math.min(12, token.length())),
                Tokens.sha256(token), clock.instant());
        return new Created(keys.save(key), token);
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list(UUID userId) {
        return keys.findByUserIdAndRevokedAtIsNullOrderByCreatedAt(userId);
    }

    @Transactional
    public void revoke(UUID userId, UUID keyId) {
        ApiKey key = keys.findByIdAndUserId(keyId, userId)
                .filter(k -> !k.isRevoked())
                .orElseThrow(() -> ApiException.notFound("API key " + keyId));
        key.revoke(clock.instant());
    }

    @Transactional
    public Optional<Caller> authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return keys.findByTokenHash(Tokens.sha256(token))
                .filter(k -> !k.isRevoked())
                .flatMap(k -> users.findById(k.getUserId()).map(u -> {
                    Instant now = clock.instant();
                    if (k.getLastUsedAt() == null || k.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                        k.used(now);
                    }
                    return new Caller(u.getId(), u.getUsername(), u.getAccountId(), u.isPlatformAdmin(), k.getId());
                }));
    }
}
