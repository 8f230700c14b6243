package io.tributary.api.catalog;

import io.tributary.api.generated.CatalogApi;
import io.tributary.api.generated.model.AvailabilityZoneDto;
import io.tributary.api.generated.model.BrokerSettingDto;
import io.tributary.api.instance.BrokerSettingsCatalog;
import io.tributary.api.generated.model.FlavorDto;
import io.tributary.api.generated.model.KafkaVersionDto;
import io.tributary.provisioning.ProvisioningProperties;
import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.catalog.FlavorCatalog;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogController implements CatalogApi {

    private final FlavorCatalog flavors;
    private final ProvisioningProperties provisioning;

    CatalogController(FlavorCatalog flavors, ProvisioningProperties provisioning) {
        this.flavors = flavors;
        this.provisioning = provisioning;
    }

    @Override
    public ResponseEntity<List<FlavorDto>> listFlavors() {
        return ResponseEntity.ok(flavors.all().stream().map(CatalogController::toDto).toList());
    }

    @Override
    public ResponseEntity<List<BrokerSettingDto>> listBrokerSettings() {
        return ResponseEntity.ok(BrokerSettingsCatalog.all());
    }

    @Override
    public ResponseEntity<List<AvailabilityZoneDto>> listAvailabilityZones() {
        return ResponseEntity.ok(provisioning.availabilityZones().stream().map(z -> new AvailabilityZoneDto().name(z)).toList());
    }

    @Override
    public ResponseEntity<List<KafkaVersionDto>> listKafkaVersions() {
        String preferred = provisioning.defaultKafkaVersion();
        return ResponseEntity.ok(provisioning.kafkaVersions().stream()
                .map(v -> new KafkaVersionDto().version(v).isDefault(v.equals(preferred))).toList());
    }

    static FlavorDto toDto(Flavor f) {
        return new FlavorDto().id(f.id()).vcpus(f.vcpus()).memoryGb(f.memoryGb())
                .maxPartitionsPerBroker(f.maxPartitionsPerBroker()).minBrokers(f.minBrokers()).maxBrokers(f.maxBrokers())
                .minStorageGb(f.minStorageGb()).maxStorageGb(f.maxStorageGb()).brokerHeapMb(f.brokerHeapMb())
                .numNetworkThreads(f.numNetworkThreads()).numIoThreads(f.numIoThreads())
                .numReplicaFetchers(f.numReplicaFetchers())
                .hourlyPricePerBroker(f.hourlyPricePerBroker().doubleValue())
                .hourlyPricePerGb(f.hourlyPricePerGb().doubleValue())
                .currency("USD");
    }
}
