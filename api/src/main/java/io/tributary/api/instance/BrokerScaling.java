package io.tributary.api.instance;

import static io.tributary.api.kafka.KafkaCalls.await;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.InstanceUpdateDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import io.tributary.provisioning.rebalance.Rebalance;
import io.tributary.provisioning.rebalance.RebalanceRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.springframework.stereotype.Component;

/**
 * Horizontal scaling: a new {@code brokerCount} within the flavor's bounds, on its own. More brokers is a
 * {@code SCALE_OUT} (with a rebalance onto the new ones unless the request opts out); fewer is a {@code SCALE_IN},
 * refused where the brokers left could not hold the instance: a topic whose replication factor is larger, more
 * partitions than the flavor allows on them, or a zone without a broker.
 */
@Component
class BrokerScaling {

    private final FlavorCatalog flavors;
    private final OperationStarter starter;
    private final RebalanceRepository rebalances;
    private final InstanceKafka kafka;
    private final Clock clock;

    BrokerScaling(FlavorCatalog flavors, OperationStarter starter, RebalanceRepository rebalances, InstanceKafka kafka,
                  Clock clock) {
        this.flavors = flavors;
        this.starter = starter;
        this.rebalances = rebalances;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Starts the scale-out or scale-in {@code change} asks for (in the caller's transaction); empty when it stays. */
    Optional<Operation> apply(Instance instance, InstanceUpdateDto change) {
        Integer wanted = change.getBrokerCount();
        int current = instance.getBrokerCount();
        if (wanted == null || wanted == current) {
            return Optional.empty();
        }
        boolean upgrade = change.getKafkaVersion() != null && !change.getKafkaVersion().equals(instance.getKafkaVersion());
        if (change.getFlavor() != null || change.getBrokerConfig() != null || change.getStorageGb() != null || upgrade) {
            throw invalid("change the broker count on its own, without flavor, brokerConfig, storageGb or kafkaVersion "
                    + "in the same change");
        }
        Flavor flavor = flavors.find(instance.getFlavor()).orElseThrow();
        if (wanted < flavor.minBrokers() || wanted > flavor.maxBrokers()) {
            throw invalid("flavor " + flavor.id() + " runs " + flavor.minBrokers() + " to " + flavor.maxBrokers()
                    + " brokers");
        }
        int zones = instance.getAvailabilityZones().size();
        if (wanted < zones) {
            throw invalid("each of the instance's " + zones + " availability zones keeps a broker: at least " + zones);
        }
        starter.refusal(instance, OperationType.SCALE_IN).ifPresent(reason -> {
            throw new ApiException(ErrorCode.INVALID_STATE, reason);
        });
        if (wanted < current) {
            checkFits(instance, flavor, wanted);
        }
        instance.setBrokerCount(wanted);
        boolean out = wanted > current;
        Operation operation = starter.start(instance, out ? OperationType.SCALE_OUT : OperationType.SCALE_IN,
                (out ? current : wanted) + 1);
        if (!out || !Boolean.FALSE.equals(change.getRebalance())) {
            rebalances.save(new Rebalance(operation.getId(), instance.getId(), null, clock.instant()));
        }
        return Optional.of(operation);
    }

    /** The brokers that stay hold every topic's replicas and no more partitions than the flavor allows. */
    private void checkFits(Instance instance, Flavor flavor, int wanted) {
        var admin = kafka.admin(instance);
        Set<String> names = await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
        Map<String, TopicDescription> topics = await(admin.describeTopics(names).allTopicNames());
        long partitions = 0;
        for (TopicDescription topic : topics.values()) {
            int replicationFactor = topic.partitions().isEmpty() ? 0 : topic.partitions().get(0).replicas().size();
            if (replicationFactor > wanted) {
                throw invalid("topic " + topic.name() + " has replication factor " + replicationFactor
                        + "; " + wanted + " brokers cannot hold it");
            }
            if (!topic.isInternal()) {
                partitions += topic.partitions().size();
            }
        }
        long allowed = (long) flavor.maxPartitionsPerBroker() * wanted;
        if (partitions > allowed) {
            throw invalid("the instance has " + partitions + " partitions; " + wanted + " brokers of flavor " + flavor.id()
                    + " hold at most " + allowed);
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid(List.of(new FieldProblem("brokerCount", message)));
    }
}
