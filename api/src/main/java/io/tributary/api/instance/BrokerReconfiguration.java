package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.InstanceUpdateDto;
import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationStarter;
import io.tributary.provisioning.operation.OperationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A change of what the brokers are launched with (vertical scaling to another flavor, the tuned broker settings):
 * checked as an order is, stored, and applied by a rolling restart. The hosts' desired states hold the new launch
 * back until the roller restarts each broker ({@code DesiredStateWriter}), so this never restarts two at once.
 */
@Component
class BrokerReconfiguration {

    private final FlavorCatalog flavors;
    private final OperationStarter starter;

    BrokerReconfiguration(FlavorCatalog flavors, OperationStarter starter) {
        this.flavors = flavors;
        this.starter = starter;
    }

    /**
     * Applies the flavor and broker settings of {@code change} to {@code instance} (in the caller's transaction) and
     * starts the rolling restart that brings them to the brokers; empty when neither changes anything.
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
        if (newFlavor) {
            instance.setFlavor(change.getFlavor());
        }
        if (newConfig) {
            instance.setBrokerConfig(change.getBrokerConfig());
        }
        return Optional.of(starter.start(instance, OperationType.RESTART_BROKERS));
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
