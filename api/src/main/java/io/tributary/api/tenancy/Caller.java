package io.tributary.api.tenancy;

import java.util.UUID;

/** Who is calling: the user behind the API key. */
public record Caller(UUID userId, String username, UUID accountId, boolean platformAdmin, UUID apiKeyId) {
}
