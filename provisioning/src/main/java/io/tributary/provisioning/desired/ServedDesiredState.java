package io.tributary.provisioning.desired;

import io.tributary.provisioning.crypto.SecretCipher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A host's desired state as its agent gets it (docs/agent-api.md): the stored document with its generation, and
 * the broker's key unsealed into {@code tls.privateKey}. The stored document ({@code hosts.desired_state}) holds
 * that key only sealed, so the database never has it in clear; it is unsealed here, per answer, for the host's
 * own authenticated agent, and written nowhere.
 */
@Component
public class ServedDesiredState {

    static final String SEALED_KEY = "sealedPrivateKey";
    static final String KEY = "privateKey";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final SecretCipher cipher;

    public ServedDesiredState(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The answer body for a stored state of {@code generation}. */
    public String body(String stored, long generation) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generation", generation);
        root.setAll((ObjectNode) MAPPER.readTree(stored));
        JsonNode tls = root.get("tls");
        if (tls instanceof ObjectNode material && material.hasNonNull(SEALED_KEY)) {
            String sealed = material.get(SEALED_KEY).asString();
            material.remove(SEALED_KEY);
            material.put(KEY, cipher.decrypt(sealed));
        }
        return MAPPER.writeValueAsString(root);
    }
}
