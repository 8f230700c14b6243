package io.tributary.agent;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A desired state of action {@code WIPE} (docs/agent-api.md): the host was released, and before another instance
 * may use it the agent stops the broker and deletes everything the last one left (data, TLS material, users,
 * settings, desired state), then reports {@code wiped: <nonce>}.
 */
record WipeOrder(String hostId, long generation, String nonce) {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /**
     * The wipe order in {@code json}, or empty when the document is of another action.
     *
     * @throws IllegalArgumentException when it is a WIPE but malformed
     */
    static Optional<WipeOrder> parse(String json) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("desired state is not a JSON object: " + e.getMessage(), e);
        }
        if (root == null || !"WIPE".equals(root.get("action"))) {
            return Optional.empty();
        }
        String nonce = Json.requiredString(root, "wipeNonce");
        if (!NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("field 'wipeNonce' is malformed");
        }
        long generation = root.get("generation") == null ? 0 : Json.requiredLong(root, "generation");
        return Optional.of(new WipeOrder(Json.requiredString(root, "hostId"), generation, nonce));
    }
}
