package io.tributary.broker;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.server.policy.CreateTopicPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the flavor's partition limit at the cluster: a topic creation that would take the number of
 * non-internal partitions over {@value #MAX_PARTITIONS_PER_BROKER_CONFIG} times the registered brokers (or over a
 * fixed {@value #MAX_PARTITIONS_CONFIG}, where one is set) fails with {@code POLICY_VIOLATION} ("this instance allows
 * N partitions (M per broker); it has X and the request adds Y"). Counting the brokers, rather than being told their
 * number at start, keeps the limit right through a scale-out or scale-in without restarting any broker.
 *
 * <p>Kafka runs create-topic policies on the active controller, inside its event loop. The existing
 * partitions are counted with an Admin client against {@value #BOOTSTRAP_SERVERS_CONFIG} (the node's
 * inter-broker listener, rendered by the agent) with short timeouts; the count is cached for
 * {@link #CACHE_NANOS}, so topics created within that window may exceed the limit by what they add. A
 * failed count (broker not up yet, no bootstrap servers on a controller-only node) allows the request
 * and logs a warning: the limit is a billing guard, not worth failing topic creation for. Internal topics
 * ({@code __consumer_offsets}, ...) are always allowed. Partition increases on existing topics
 * (CreatePartitions) are not covered: Kafka has no policy hook for them in KRaft.
 */
public class PartitionLimitPolicy implements CreateTopicPolicy {

    private static final Logger log = LoggerFactory.getLogger(PartitionLimitPolicy.class);

    /** A fixed total of non-internal partitions the cluster may hold, whatever its brokers (optional). */
    public static final String MAX_PARTITIONS_CONFIG = "tributary.max.partitions";
    /** The per-broker figure of the flavor (sent by the control plane in brokerSettings). */
    public static final String MAX_PARTITIONS_PER_BROKER_CONFIG = "tributary.max.partitions.per.broker";
    /** Where to count existing partitions (rendered by the agent: the inter-broker listener). */
    public static final String BOOTSTRAP_SERVERS_CONFIG = "tributary.policy.bootstrap.servers";

    static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** The cluster's non-internal partitions and its registered brokers. */
    record Count(long partitions, int brokers) {
    }

    /** Counts the cluster's non-internal partitions and brokers. */
    interface PartitionCounter extends AutoCloseable {
        Count count() throws Exception;

        @Override
        void close();
    }

    /** The configured limit; {@code fixedMax} null: per broker times the brokers counted. */
    record Limit(Long fixedMax, long maxPartitionsPerBroker) {

        /** The violation message when {@code existing + adding} exceeds the limit. */
        Optional<String> violation(Count existing, long adding) {
            long max = fixedMax != null ? fixedMax : maxPartitionsPerBroker * Math.max(1, existing.brokers());
            if (existing.partitions() + adding <= max) {
                return Optional.empty();
            }
            return Optional.of("this instance allows " + max + " partitions (" + maxPartitionsPerBroker
                    + " per broker); it has " + existing.partitions() + " and the request adds " + adding);
        }
    }

    private final LongSupplier nanoTime;
    private final Function<String, PartitionCounter> counterFactory;
    private Limit limit;
    private PartitionCounter counter;
    private Optional<Count> cached = Optional.empty();
    private long cachedAt;
    private boolean counted;

    public PartitionLimitPolicy() {
        this(System::nanoTime, null);
    }

    PartitionLimitPolicy(LongSupplier nanoTime, Function<String, PartitionCounter> counterFactory) {
        this.nanoTime = nanoTime;
        this.counterFactory = counterFactory;
    }

    @Override
    public synchronized void configure(Map<String, ?> configs) {
        OptionalLong max = positiveLong(configs, MAX_PARTITIONS_CONFIG);
        OptionalLong perBroker = positiveLong(configs, MAX_PARTITIONS_PER_BROKER_CONFIG);
        if (perBroker.isEmpty()) {
            if (max.isPresent()) {
                throw new ConfigException(MAX_PARTITIONS_PER_BROKER_CONFIG + " is required with " + MAX_PARTITIONS_CONFIG);
            }
            log.warn("{} is not set: topic creation is not limited", MAX_PARTITIONS_PER_BROKER_CONFIG);
            return;
        }
        limit = new Limit(max.isPresent() ? max.getAsLong() : null, perBroker.getAsLong());
        Object bootstrap = configs.get(BOOTSTRAP_SERVERS_CONFIG);
        if (bootstrap == null || bootstrap.toString().isBlank()) {
            log.warn("{} is not set: partitions cannot be counted, so topic creation is not limited",
                    BOOTSTRAP_SERVERS_CONFIG);
        } else {
            counter = counterFactory != null ? counterFactory.apply(bootstrap.toString().trim())
                    : new AdminPartitionCounter(bootstrap.toString().trim(), AdminPartitionCounter.clientSecurity(configs));
            log.info("Topic creation limited to {} partitions ({} per broker), counted through {}",
                    limit.fixedMax() != null ? limit.fixedMax() : "the brokers' share", limit.maxPartitionsPerBroker(),
                    bootstrap);
        }
    }

    @Override
    public synchronized void validate(RequestMetadata request) throws PolicyViolationException {
        if (limit == null || counter == null || Topic.isInternal(request.topic())) {
            return;
        }
        long adding = partitionsAdded(request);
        Optional<Count> existing = existingPartitions();
        if (existing.isEmpty()) {
            return;
        }
        Optional<String> violation = limit.violation(existing.get(), adding);
        if (violation.isPresent()) {
            log.info("Creation of topic {} rejected: {}", request.topic(), violation.get());
            throw new PolicyViolationException(violation.get());
        }
    }

    /** The partitions a request creates: its partition count, or its manual assignment's size. */
    static long partitionsAdded(RequestMetadata request) {
        if (request.numPartitions() != null) {
            return request.numPartitions();
        }
        return request.replicasAssignments() == null ? 0 : request.replicasAssignments().size();
    }

    /** The cached count if younger than 5 s, else a fresh one; empty when counting failed (cached too). */
    private Optional<Count> existingPartitions() {
        long now = nanoTime.getAsLong();
        if (counted && now - cachedAt < CACHE_NANOS) {
            return cached;
        }
        try {
            cached = Optional.of(counter.count());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Cannot count the cluster's partitions, allowing topic creation for the next {} s: {}",
                    TimeUnit.NANOSECONDS.toSeconds(CACHE_NANOS), e.toString());
            cached = Optional.empty();
        }
        cachedAt = now;
        counted = true;
        return cached;
    }

    @Override
    public synchronized void close() {
        if (counter != null) {
            counter.close();
            counter = null;
        }
    }

    private static OptionalLong positiveLong(Map<String, ?> configs, String name) {
        Object value = configs.get(name);
        if (value == null || value.toString().isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long parsed = Long.parseLong(value.toString().trim());
            if (parsed > 0) {
                return OptionalLong.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name, value, "must be a positive whole number");
    }
}
