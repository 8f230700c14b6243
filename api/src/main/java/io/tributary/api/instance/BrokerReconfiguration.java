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
import java.time.Instant;
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
    private final RestartTiming timing;

    BrokerReconfiguration(FlavorCatalog flavors, OperationStarter starter, DesiredStateWriter desiredStates,
                          LiveBrokerSettings live, RestartTiming timing) {
        this.flavors = flavors;
        this.starter = starter;
        this.desiredStates = desiredStates;
        this.live = live;
        this.timing = timing;
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
        Map<String, String> changed = newConfig ? changedSettings(instance, change.getBrokerConfig()) : Map.of();
        boolean restart = newFlavor || !changed.keySet().stream().allMatch(DynamicBrokerSettings::isDynamic);
        Optional<Instant> windowStart = restart ? timing.windowStart(instance, change.getApplyAt()) : Optional.empty();
        starter.refusal(instance, OperationType.RESTART_BROKERS).ifPresent(reason -> {
            throw new ApiException(ErrorCode.INVALID_STATE, reason);
        });
        Map<String, Object> replaced = Map.of("flavor", instance.getFlavor(), "brokerConfig",
                instance.getBrokerConfig() == null ? Map.of() : instance.getBrokerConfig());
        live.set(instance, dynamicOnly(changed));
        if (newFlavor) {
            instance.setFlavor(change.getFlavor());
        }
        if (newConfig) {
            instance.setBrokerConfig(change.getBrokerConfig());
        }
        return restart ? Optional.of(timing.begin(instance, OperationType.RESTART_BROKERS, null, windowStart, replaced))
                : Optional.empty();
    }

    /**
     * Sets back a change whose rolling restart never began (a cancelled scheduled one): the flavor and the settings it
     * replaced; those it had set on the running brokers are set back there. The brokers still run the rest as before.
     */
    void revert(Instance instance, String flavor, Map<String, String> brokerConfig) {
        live.set(instance, dynamicOnly(changedSettings(instance, brokerConfig)));
        instance.setFlavor(flavor);
        instance.setBrokerConfig(brokerConfig);
    }

    private static Map<String, String> dynamicOnly(Map<String, String> settings) {
        Map<String, String> dynamic = new TreeMap<>(settings);
        dynamic.keySet().removeIf(key -> !DynamicBrokerSettings.isDynamic(key));
        return dynamic;
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
