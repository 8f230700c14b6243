package io.tributary.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy.RequestMetadata;
import org.junit.jupiter.api.Test;

/** The policy's decisions, with a counter and a clock the test controls (no cluster). */
class PartitionLimitPolicyTest {

    long nanos = 1_000;
    long existing = 8;
    int brokers = 3;
    Exception countFailure;
    int counts;
    final List<String> bootstrapServers = new ArrayList<>();
    boolean closed;

    final PartitionLimitPolicy policy = new PartitionLimitPolicy(() -> nanos, servers -> {
        bootstrapServers.add(servers);
        return new PartitionLimitPolicy.PartitionCounter() {
            @Override
            public PartitionLimitPolicy.Count count() throws Exception {
                counts++;
                if (countFailure != null) {
                    throw countFailure;
                }
                return new PartitionLimitPolicy.Count(existing, brokers);
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    });

    void configure() {
        policy.configure(Map.of(
                PartitionLimitPolicy.MAX_PARTITIONS_CONFIG, "10",
                PartitionLimitPolicy.MAX_PARTITIONS_PER_BROKER_CONFIG, "4",
                PartitionLimitPolicy.BOOTSTRAP_SERVERS_CONFIG, "10.0.0.5:9093",
                "num.io.threads", "8"));
    }

    static RequestMetadata topic(String name, int partitions) {
        return new RequestMetadata(name, partitions, (short) 1, null, Map.of());
    }

    @Test
    void requestThatStaysWithinTheLimitIsAllowedUpToExactlyTheLimit() {
        configure();

        assertThatCode(() -> policy.validate(topic("orders", 2))).doesNotThrowAnyException();
        assertThat(bootstrapServers).containsExactly("10.0.0.5:9093");
    }

    @Test
    void requestOverTheLimitIsAPolicyViolationNamingLimitExistingAndAdded() {
        configure();

        assertThatThrownBy(() -> policy.validate(topic("orders", 3)))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("this instance allows 10 partitions (4 per broker); it has 8 and the request adds 3");
    }

    @Test
    void withoutAFixedTotalTheLimitIsThePerBrokerFigureTimesTheBrokersCountedSoItFollowsAScale() {
        policy.configure(Map.of(
                PartitionLimitPolicy.MAX_PARTITIONS_PER_BROKER_CONFIG, "4",
                PartitionLimitPolicy.BOOTSTRAP_SERVERS_CONFIG, "10.0.0.5:9093"));
        assertThatThrownBy(() -> policy.validate(topic("orders", 5)))
                .hasMessage("this instance allows 12 partitions (4 per broker); it has 8 and the request adds 5");

        brokers = 4; // a scale-out: no restart, the next count sees the fourth broker
        nanos += TimeUnit.SECONDS.toNanos(5);
        assertThatCode(() -> policy.validate(topic("orders", 5))).doesNotThrowAnyException();
    }

    @Test
    void manualAssignmentCountsItsPartitions() {
        configure();
        RequestMetadata manual = new RequestMetadata("orders", null, null,
                Map.of(0, List.of(1), 1, List.of(2), 2, List.of(3)), Map.of());

        assertThat(PartitionLimitPolicy.partitionsAdded(manual)).isEqualTo(3);
        assertThatThrownBy(() -> policy.validate(manual)).hasMessageEndingWith("the request adds 3");
    }

    @Test
    void internalTopicsAreAlwaysAllowedWithoutCounting() {
        configure();
        existing = 10;

        assertThatCode(() -> policy.validate(topic("__consumer_offsets", 50))).doesNotThrowAnyException();
        assertThat(counts).isZero();
    }

    @Test
    void countIsCachedForFiveSecondsThenCountedAgain() {
        configure();
        policy.validate(topic("a", 1));
        existing = 10;

        nanos += TimeUnit.SECONDS.toNanos(4);
        policy.validate(topic("b", 1)); // still 8 from the cache
        assertThat(counts).isEqualTo(1);

        nanos += TimeUnit.SECONDS.toNanos(1);
        assertThatThrownBy(() -> policy.validate(topic("c", 1))).hasMessageContaining("it has 10");
        assertThat(counts).isEqualTo(2);
    }

    @Test
    void failureToCountAllowsTheRequestAndIsNotRetriedWithinTheCacheWindow() {
        configure();
        countFailure = new org.apache.kafka.common.errors.TimeoutException("broker not reachable");

        assertThatCode(() -> policy.validate(topic("orders", 500))).doesNotThrowAnyException();
        assertThatCode(() -> policy.validate(topic("more", 500))).doesNotThrowAnyException();
        assertThat(counts).isEqualTo(1);

        countFailure = null;
        nanos += TimeUnit.SECONDS.toNanos(5);
        assertThatThrownBy(() -> policy.validate(topic("orders", 500))).isInstanceOf(PolicyViolationException.class);
    }

    @Test
    void withoutALimitOrBootstrapServersEverythingIsAllowed() {
        policy.configure(Map.of());
        assertThatCode(() -> policy.validate(topic("orders", 1_000_000))).doesNotThrowAnyException();

        PartitionLimitPolicy noBootstrap = new PartitionLimitPolicy(() -> 0, servers -> {
            throw new AssertionError("no counter without bootstrap servers");
        });
        noBootstrap.configure(Map.of(PartitionLimitPolicy.MAX_PARTITIONS_CONFIG, "1",
                PartitionLimitPolicy.MAX_PARTITIONS_PER_BROKER_CONFIG, "1"));
        assertThatCode(() -> noBootstrap.validate(topic("orders", 5))).doesNotThrowAnyException();
    }

    @Test
    void badLimitsFailConfigureAndCloseClosesTheCounter() {
        assertThatThrownBy(() -> policy.configure(Map.of(PartitionLimitPolicy.MAX_PARTITIONS_CONFIG, "ten",
                PartitionLimitPolicy.MAX_PARTITIONS_PER_BROKER_CONFIG, "4")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(PartitionLimitPolicy.MAX_PARTITIONS_CONFIG);
        assertThatThrownBy(() -> policy.configure(Map.of(PartitionLimitPolicy.MAX_PARTITIONS_CONFIG, "10")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(PartitionLimitPolicy.MAX_PARTITIONS_PER_BROKER_CONFIG);

        configure();
        policy.close();
        assertThat(closed).isTrue();
    }
}
