package io.tributary.agent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How every Kafka JVM the agent starts (the broker, StorageTool) is set up so that nothing of the agent's
 * reaches it: an environment built from an allow-list instead of the agent's own, and Kafka's config
 * providers switched off, so no setting can read a variable or file of this host back
 * ({@code config.providers=env} with {@code ${env:...}}, {@code file}, {@code dir}).
 */
final class KafkaJvm {

    /**
     * Kafka's allow-list of automatically loaded {@code ConfigProvider} classes
     * ({@code AbstractConfig.AUTOMATIC_CONFIG_PROVIDERS_PROPERTY}); {@code none} names no class, so every
     * provider is refused and a {@code config.providers} setting makes the broker fail to start.
     */
    static final String NO_CONFIG_PROVIDERS = "-Dorg.apache.kafka.automatic.config.providers=none";

    /** The only variables a Kafka JVM gets from the agent's environment (plus {@code LC_*}). */
    static final List<String> ALLOWED_VARIABLES = List.of("PATH", "LANG", "TZ");

    private KafkaJvm() {
    }

    /**
     * The environment of a Kafka JVM: the allowed variables of {@code agentEnvironment}, nothing else. The agent's
     * own settings ({@code TRIBUTARY_*}, a join token among them) and whatever its starter had never pass.
     */
    static Map<String, String> environment(Map<String, String> agentEnvironment) {
        Map<String, String> env = new TreeMap<>();
        agentEnvironment.forEach((name, value) -> {
            if (ALLOWED_VARIABLES.contains(name) || name.startsWith("LC_")) {
                env.put(name, value);
            }
        });
        return env;
    }

    /** A process builder for {@code command} whose environment is {@link #environment} of the agent's. */
    static ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        Map<String, String> allowed = environment(env);
        env.clear();
        env.putAll(allowed);
        return builder;
    }
}
