package io.tributary.provisioning.catalog;

import java.math.BigDecimal;

/**
 * A broker flavor: the size of one broker host and the limits and price that come with it.
 * Modelled on the flavors DMS for Kafka publishes (per-broker partition limits 250/500/1000...).
 */
public record Flavor(
        String id,
        int vcpus,
        int memoryGb,
        int maxPartitionsPerBroker,
        int minBrokers,
        int maxBrokers,
        int minStorageGb,
        int maxStorageGb,
        BigDecimal hourlyPricePerBroker,
        BigDecimal hourlyPricePerGb) {

    /** Broker heap: half the host's memory, capped at 6 GiB (the page cache gets the rest). */
    public int brokerHeapMb() {
        return Math.min(memoryGb * 1024 / 2, 6 * 1024);
    }

    public int numNetworkThreads() {
        return Math.max(3, vcpus);
    }

    public int numIoThreads() {
        return Math.max(8, vcpus * 2);
    }

    public int numReplicaFetchers() {
        return Math.max(1, vcpus / 2);
    }
}
