package io.tributary.api.instance;

import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.instance.TunableBrokerSettings.OrderBound;
import io.tributary.api.instance.TunableBrokerSettings.Tunable;
import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.desired.BrokerTuning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Screens user-supplied broker settings against an allow-list ({@link TunableBrokerSettings}): each value is
 * parsed and validated by Kafka's own {@code ConfigDef} and our range, and the settings that depend on the order
 * (replication, partitions, auto-creation) are checked against it. Everything else is refused with the reason:
 * config providers (they read the host's files and environment), the agent's {@code tributary.*} keys, the
 * platform's identity, listener, security, KRaft and storage keys, and settings that weaken durability.
 */
final class BrokerConfigScreen {

    static final List<String> FORBIDDEN_PREFIXES = List.of(
            "listeners", "advertised.", "listener.", "inter.broker.listener", "ssl.", "sasl.", "security.",
            "node.id", "broker.id", "process.roles", "controller.", "log.dir", "log.dirs", "metadata.log.dir",
            "authorizer.", "super.users", "principal.builder", "broker.rack", "zookeeper.", "password.encoder.",
            "create.topic.policy", "alter.config.policy", "metric.reporters", "confluent.");
    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_VALUE_LENGTH = 1024;
    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9]*([._-][a-z0-9]+)*$");

    /**
     * What the screen needs to know of the order; {@code flavor} is null when the order names an unknown one
     * (then only the per-setting checks run).
     */
    record Order(int brokerCount, boolean autoCreateTopics, Flavor flavor) {
    }

    private BrokerConfigScreen() {
    }

    static List<FieldProblem> screen(Map<String, String> config, Order order) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean unknown = false;
        for (var entry : config.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.length() > MAX_KEY_LENGTH) {
                problems.add(new FieldProblem("brokerConfig", "a setting name is longer than " + MAX_KEY_LENGTH + " characters"));
                continue;
            }
            String field = "brokerConfig." + key;
            Optional<String> refusal = refusal(key);
            if (refusal.isPresent()) {
                problems.add(new FieldProblem(field, refusal.get()));
                continue;
            }
            Optional<Tunable> tunable = TunableBrokerSettings.find(key);
            if (tunable.isEmpty()) {
                problems.add(new FieldProblem(field, "is not a setting a tenant may tune"));
                unknown = true;
                continue;
            }
            valueProblem(tunable.get(), entry.getValue()).ifPresent(p -> problems.add(new FieldProblem(field, p)));
        }
        if (unknown) {
            problems.add(new FieldProblem("brokerConfig", "the settings a tenant may tune are "
                    + TunableBrokerSettings.all().stream().map(Tunable::key).collect(Collectors.joining(", "))));
        }
        if (problems.isEmpty() && order.flavor() != null && order.brokerCount() > 0) {
            // (an order with an unknown flavor or no broker count is refused for that already)
            new OrderRules(config, order).check(problems);
        }
        return problems;
    }

    /** Why a key is refused whatever its value, if it is. */
    private static Optional<String> refusal(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.of("is not a Kafka setting name (lower-case words joined by dots)");
        }
        if (key.startsWith("config.providers")) {
            return Optional.of("is refused: a config provider would let the broker's configuration read files and "
                    + "environment variables of its host");
        }
        if (key.startsWith("tributary.")) {
            return Optional.of("is set by the Tributary broker agent and cannot be set");
        }
        if (FORBIDDEN_PREFIXES.stream().anyMatch(key::startsWith)) {
            return Optional.of("is managed by Tributary and cannot be set");
        }
        String field = TunableBrokerSettings.OWNED_BY_ORDER_FIELDS.get(key);
        if (field != null) {
            return Optional.of("is set with the order's " + field + " (applied without a restart and shown on the instance)");
        }
        return Optional.empty();
    }

    /** Kafka's parser and validator, then our range. */
    static Optional<String> valueProblem(Tunable tunable, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("needs a value");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return Optional.of("is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        Object parsed;
        try {
            parsed = ConfigDef.parseType(tunable.key(), value, tunable.kafka().type);
            if (tunable.kafka().validator != null) {
                tunable.kafka().validator.ensureValid(tunable.key(), parsed);
            }
        } catch (ConfigException e) {
            return Optional.of("must be " + tunable.expected());
        }
        if (tunable.hasRange()) {
            long n = ((Number) parsed).longValue();
            if (n < tunable.min() || n > tunable.max()) {
                return Optional.of("must be " + tunable.expected());
            }
        }
        return Optional.empty();
    }

    /**
     * The rules between settings and the order. Effective values are the user's, else what Tributary tunes
     * ({@link BrokerTuning}), else Kafka's default.
     */
    private static final class OrderRules {

        private final Map<String, String> config;
        private final Order order;
        private final Map<String, String> tuned;

        OrderRules(Map<String, String> config, Order order) {
            this.config = config;
            this.order = order;
            this.tuned = BrokerTuning.settings(order.flavor(), order.brokerCount(), 1, 1L << 30, order.autoCreateTopics(), null);
        }

        void check(List<FieldProblem> problems) {
            int brokers = order.brokerCount();
            int minIsrFloor = brokers >= 3 ? 2 : 1;
            if (set(OrderBound.UNCLEAN_LEADER_ELECTION.key) && Boolean.parseBoolean(config.get(OrderBound.UNCLEAN_LEADER_ELECTION.key).trim())) {
                problems.add(problem(OrderBound.UNCLEAN_LEADER_ELECTION.key, "must be false: an out-of-sync replica "
                        + "elected leader loses acknowledged messages"));
            }
            long replication = number(OrderBound.DEFAULT_REPLICATION_FACTOR.key);
            long minIsr = number(OrderBound.MIN_INSYNC_REPLICAS.key);
            if (set(OrderBound.MIN_INSYNC_REPLICAS.key)) {
                if (minIsr < minIsrFloor) {
                    problems.add(problem(OrderBound.MIN_INSYNC_REPLICAS.key, "must be at least 2 with three or more "
                            + "brokers: with 1, a message acknowledged by one broker is lost with that broker"));
                } else if (minIsr > Math.min(replication, brokers)) {
                    problems.add(problem(OrderBound.MIN_INSYNC_REPLICAS.key, "must be at most the replication factor ("
                            + Math.min(replication, brokers) + "), or no topic of the default factor takes writes"));
                }
            }
            if (set(OrderBound.DEFAULT_REPLICATION_FACTOR.key) && (replication < Math.max(1, Math.min(minIsr, brokers))
                    || replication > brokers)) {
                problems.add(problem(OrderBound.DEFAULT_REPLICATION_FACTOR.key, "must be a whole number from "
                        + Math.max(1, Math.min(minIsr, brokers)) + " (min.insync.replicas) to " + brokers + " (brokers)"));
            }
            if (set(OrderBound.NUM_PARTITIONS.key)) {
                long max = (long) order.flavor().maxPartitionsPerBroker() * brokers;
                long partitions = number(OrderBound.NUM_PARTITIONS.key);
                if (partitions < 1 || partitions > max) {
                    problems.add(problem(OrderBound.NUM_PARTITIONS.key, "must be a whole number from 1 to " + max
                            + " (the partition limit of " + order.flavor().id() + " with " + brokers + " brokers)"));
                }
            }
            if (set(OrderBound.AUTO_CREATE_TOPICS.key)
                    && Boolean.parseBoolean(config.get(OrderBound.AUTO_CREATE_TOPICS.key).trim()) != order.autoCreateTopics()) {
                problems.add(problem(OrderBound.AUTO_CREATE_TOPICS.key, "contradicts the order's autoCreateTopics ("
                        + order.autoCreateTopics() + "); set autoCreateTopics instead"));
            }
            ordered(problems, "group.min.session.timeout.ms", "group.max.session.timeout.ms");
            ordered(problems, "group.consumer.min.session.timeout.ms", "group.consumer.session.timeout.ms");
            ordered(problems, "group.consumer.session.timeout.ms", "group.consumer.max.session.timeout.ms");
            ordered(problems, "group.consumer.min.session.timeout.ms", "group.consumer.max.session.timeout.ms");
            if ((set("group.consumer.heartbeat.interval.ms") || set("group.consumer.session.timeout.ms"))
                    && number("group.consumer.heartbeat.interval.ms") >= number("group.consumer.session.timeout.ms")) {
                String key = set("group.consumer.heartbeat.interval.ms") ? "group.consumer.heartbeat.interval.ms"
                        : "group.consumer.session.timeout.ms";
                problems.add(problem(key, "group.consumer.heartbeat.interval.ms (" + number("group.consumer.heartbeat.interval.ms")
                        + ") must be less than group.consumer.session.timeout.ms (" + number("group.consumer.session.timeout.ms") + ")"));
            }
        }

        /** {@code low} must not exceed {@code high}; the problem names the one the user set. */
        private void ordered(List<FieldProblem> problems, String low, String high) {
            if ((set(low) || set(high)) && number(low) > number(high)) {
                problems.add(problem(set(low) ? low : high, low + " (" + number(low) + ") must not exceed " + high
                        + " (" + number(high) + ")"));
            }
        }

        private boolean set(String key) {
            return config.containsKey(key);
        }

        private long number(String key) {
            String value = config.containsKey(key) ? config.get(key) : tuned.get(key);
            if (value != null) {
                return Long.parseLong(value.trim());
            }
            Object fallback = TunableBrokerSettings.KAFKA.configKeys().get(key).defaultValue;
            return ((Number) fallback).longValue();
        }

        private static FieldProblem problem(String key, String message) {
            return new FieldProblem("brokerConfig." + key, message);
        }
    }
}
