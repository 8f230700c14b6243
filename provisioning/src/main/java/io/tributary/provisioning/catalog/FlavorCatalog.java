package io.tributary.provisioning.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The flavors a user can order. */
@Component
public class FlavorCatalog {

    private static final List<Flavor> FLAVORS = List.of(
            flavor("kafka.2u4g", 2, 4, 250, 30, "0.21", "0.0001"),
            flavor("kafka.4u8g", 4, 8, 500, 30, "0.42", "0.0001"),
            flavor("kafka.8u16g", 8, 16, 1000, 50, "0.84", "0.0001"),
            flavor("kafka.12u24g", 12, 24, 1500, 50, "1.26", "0.0001"),
            flavor("kafka.16u32g", 16, 32, 2000, 50, "1.68", "0.0001"));

    private static Flavor flavor(String id, int vcpus, int memoryGb, int partitions, int maxBrokers,
                                 String pricePerBroker, String pricePerGb) {
        return new Flavor(id, vcpus, memoryGb, partitions, 3, maxBrokers, 100, 10_000,
                new BigDecimal(pricePerBroker), new BigDecimal(pricePerGb));
    }

    public List<Flavor> all() {
        return FLAVORS;
    }

    public Optional<Flavor> find(String id) {
        return FLAVORS.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Flavor get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("unknown flavor " + id));
    }
}
