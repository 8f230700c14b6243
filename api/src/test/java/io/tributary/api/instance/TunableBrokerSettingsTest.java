package io.tributary.api.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.desired.DynamicBrokerSettings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The allow-list stays inside Kafka's own definitions, and each tunable setting is accepted at its bounds. */
class TunableBrokerSettingsTest {

    private static final Flavor FLAVOR = new FlavorCatalog().find("kafka.2u4g").orElseThrow();
    private static final BrokerConfigScreen.Order ORDER = new BrokerConfigScreen.Order(3, false, FLAVOR);

    /** What the API sets on running brokers and what waits for a restart is Kafka's call, not ours. */
    @Test
    void theSettingsWeSetOnRunningBrokersAreExactlyKafkasDynamicOnes() {
        var kafkaDynamic = kafka.server.DynamicBrokerConfig$.MODULE$.AllDynamicConfigs();
        for (TunableBrokerSettings.Tunable t : TunableBrokerSettings.all()) {
            assertThat(DynamicBrokerSettings.isDynamic(t.key())).as(t.key()).isEqualTo(kafkaDynamic.contains(t.key()));
        }
        for (String key : DynamicBrokerSettings.names()) {
            assertThat(kafkaDynamic.contains(key)).as(key).isTrue();
        }
    }

    @Test
    void ourRangesLieInsideKafkasValidators() {
        for (TunableBrokerSettings.Tunable t : TunableBrokerSettings.all()) {
            if (t.hasRange()) {
                for (long bound : List.of(t.min(), t.max())) {
                    Object value = t.kafka().type == ConfigDef.Type.LONG ? bound : (Object) Math.toIntExact(bound);
                    assertThatCode(() -> {
                        if (t.kafka().validator != null) {
                            t.kafka().validator.ensureValid(t.key(), value);
                        }
                    }).as(t.key() + "=" + bound).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void everyNumberIsAcceptedAtBothEndsOfItsRangeAndRefusedBelow() {
        for (TunableBrokerSettings.Tunable t : TunableBrokerSettings.all()) {
            if (!t.hasRange()) {
                continue;
            }
            assertThat(BrokerConfigScreen.valueProblem(t, Long.toString(t.min()))).as(t.key() + " at its minimum").isEmpty();
            assertThat(BrokerConfigScreen.valueProblem(t, Long.toString(t.max()))).as(t.key() + " at its maximum").isEmpty();
            assertThat(BrokerConfigScreen.valueProblem(t, Long.toString(t.min() - 1))).as(t.key() + " below its minimum")
                    .hasValueSatisfying(m -> assertThat(m).contains(Long.toString(t.min())).contains(Long.toString(t.max())));
        }
    }

    @Test
    void aTypicalTuningIsAccepted() {
        assertThat(BrokerConfigScreen.screen(Map.of(
                "message.max.bytes", "2097152", "replica.fetch.max.bytes", "2097152", "compression.type", "zstd",
                "log.message.timestamp.type", "LogAppendTime", "offsets.retention.minutes", "20160",
                "log.cleaner.min.cleanable.ratio", "0.3", "min.insync.replicas", "2", "default.replication.factor", "3",
                "num.partitions", "6", "unclean.leader.election.enable", "false"), ORDER)).isEmpty();
    }

    @Test
    void theDurabilityRulesNameTheSettingAndTheReason() {
        assertThat(BrokerConfigScreen.screen(Map.of("unclean.leader.election.enable", "TRUE"), ORDER))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("brokerConfig.unclean.leader.election.enable",
                        "must be false: an out-of-sync replica elected leader loses acknowledged messages"));
        assertThat(BrokerConfigScreen.screen(Map.of("min.insync.replicas", "1"), new BrokerConfigScreen.Order(1, false, FLAVOR)))
                .as("one broker: 1 is the most there is").isEmpty();
    }
}
