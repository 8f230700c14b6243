package io.tributary.api.instance;

import io.tributary.api.error.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Screens user-supplied broker settings: identity, listener, security, KRaft and storage keys
 * are the platform's, so they are refused with the reason (as Strimzi's FORBIDDEN_PREFIXES).
 */
final class BrokerConfigScreen {

    static final List<String> FORBIDDEN_PREFIXES = List.of(
            "listeners", "advertised.", "listener.", "inter.broker.listener", "ssl.", "sasl.", "security.",
            "node.id", "broker.id", "process.roles", "controller.", "log.dir", "log.dirs", "metadata.log.dir",
            "authorizer.", "super.users", "principal.builder", "broker.rack", "zookeeper.", "password.encoder.",
            "create.topic.policy", "alter.config.policy", "metric.reporters", "confluent.");
    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9]*([._-][a-z0-9]+)*$");

    private BrokerConfigScreen() {
    }

    static List<FieldProblem> screen(Map<String, String> config) {
        List<FieldProblem> problems = new ArrayList<>();
        for (var entry : config.entrySet()) {
            String key = entry.getKey();
            String field = "brokerConfig." + key;
            if (!KEY.matcher(key).matches()) {
                problems.add(new FieldProblem(field, "is not a Kafka setting name (lower-case words joined by dots)"));
            } else if (FORBIDDEN_PREFIXES.stream().anyMatch(key::startsWith)) {
                problems.add(new FieldProblem(field, "is managed by Tributary and cannot be set"));
            } else if (entry.getValue() == null || entry.getValue().isBlank()) {
                problems.add(new FieldProblem(field, "needs a value"));
            }
        }
        return problems;
    }
}
