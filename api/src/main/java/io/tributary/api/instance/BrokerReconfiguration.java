package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.InstanceUpdateDto;
import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.desired.DynamicBrokerSettings;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A change of what the brokers run with (vertical scaling to another flavor, the tuned broker settings): checked as
 * an order is and stored. Broker settings Kafka takes while running ({@link DynamicBrokerSettings}) are set on the
 * brokers at once, without a restart; a new flavor or any other setting is applied by a rolling restart. The hosts'
 * desired states hold the new launch back until the roller restarts each broker ({@code DesiredStateWriter}), so this
 * never restarts two at once.
 */
@Component
class BrokerReconfiguration {

    private final FlavorCatalog flavors;
    private final OperationStarter starter;
    private final DesiredStateWriter desiredStates;
    private final LiveBrokerSettings live;

    BrokerReconfiguration(FlavorCatalog flavors, OperationStarter starter, DesiredStateWriter desiredStates,
                          LiveBrokerSettings live) {
        this.flavors = flavors;
        this.starter = starter;
        this.desiredStates = desiredStates;
        this.live = live;
    }

    /**
     * Applies the flavor and broker settings of {@code change} to {@code instance} (in the caller's transaction): sets
     * the changed settings Kafka takes while running, and starts the rolling restart that brings the rest to the
     * brokers; empty when no restart is needed.
     */
    Optional<Operation> apply(Instance instance, InstanceUpdateDto change) {
        boolean newFlavor = change.getFlavor() != null && !change.getFlavor().equals(instance.getFlavor());
        boolean newConfig = change.getBrokerConfig() != null && !change.getBrokerConfig().equals(instance.getBrokerConfig());
        if (!newFlavor && !newConfig) {
            return Optional.empty();
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Flavor> flavor = flavors.find(newFlavor ? change.getFlavor() : instance.getFlavor());
        if (flavor.isEmpty()) {
            problems.add(new FieldProblem("flavor", "unknown flavor '" + change.getFlavor() + "'; see GET /api/v1/flavors"));
        } else {
            checkFits(instance, flavor.get(), problems);
        }
        if (newConfig && flavor.isPresent()) {
            problems.addAll(BrokerConfigScreen.screen(change.getBrokerConfig(), new BrokerConfigScreen.Order(
                    instance.getBrokerCount(), instance.isAutoCreateTopics(), flavor.get())));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        starter.refusal(instance, OperationType.RESTART_BROKERS).ifPresent(reason -> {
            throw new ApiException(ErrorCode.INVALID_STATE, reason);
        });
        Map<String, String> changed = newConfig ? changedSettings(instance, change.getBrokerConfig()) : Map.of();
        boolean restart = newFlavor || !changed.keySet().stream().allMatch(DynamicBrokerSettings::isDynamic);
        Map<String, String> dynamic = new TreeMap<>(changed);
        dynamic.keySet().removeIf(key -> !DynamicBrokerSettings.isDynamic(key));
        live.set(instance, dynamic);
        if (newFlavor) {
            instance.setFlavor(change.getFlavor());
        }
        if (newConfig) {
            instance.setBrokerConfig(change.getBrokerConfig());
        }
        return restart ? Optional.of(starter.start(instance, OperationType.RESTART_BROKERS)) : Optional.empty();
    }

    /**
     * The settings {@code wanted} changes, each with the value the brokers are to run with: the tenant's, or for one
     * the tenant removes, the platform's (or else Kafka's default), since the brokers still run with the tenant's
     * until their next restart.
     */
    private Map<String, String> changedSettings(Instance instance, Map<String, String> wanted) {
        Map<String, String> before = instance.getBrokerConfig() == null ? Map.of() : instance.getBrokerConfig();
        Map<String, String> changed = new TreeMap<>();
        wanted.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.put(key, value);
            }
        });
        Map<String, String> platform = desiredStates.brokerSettings(instance);
        for (String key : before.keySet()) {
            if (!wanted.containsKey(key)) {
                changed.put(key, platform.getOrDefault(key, TunableBrokerSettings.defaultValue(key)));
            }
        }
        return changed;
    }

    private static void checkFits(Instance instance, Flavor f, List<FieldProblem> problems) {
        if (instance.getBrokerCount() < f.minBrokers() || instance.getBrokerCount() > f.maxBrokers()) {
            problems.add(new FieldProblem("flavor", f.id() + " takes " + f.minBrokers() + " to " + f.maxBrokers()
                    + " brokers; the instance has " + instance.getBrokerCount()));
        }
        if (instance.getStorageGb() < f.minStorageGb() || instance.getStorageGb() > f.maxStorageGb()) {
            problems.add(new FieldProblem("flavor", f.id() + " takes " + f.minStorageGb() + " to " + f.maxStorageGb()
                    + " GB per broker; the instance has " + instance.getStorageGb()));
        }
    }
}
