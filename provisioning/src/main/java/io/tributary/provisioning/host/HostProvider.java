package io.tributary.provisioning.host;

import io.tributary.provisioning.instance.Broker;

/**
 * Supplies broker hosts. Both calls are idempotent: the reconciler may call them again after a
 * crash, and they must neither make a second host nor leave one behind.
 */
public interface HostProvider {

    /** The provider's name as stored on its hosts. */
    String name();

    /** Makes sure {@code broker} has a live host, making or picking one if needed. */
    Host ensureHost(Broker broker);

    /** Stops whatever runs on {@code host} and gives it back (local: removed with its data). */
    void releaseHost(Host host);
}
