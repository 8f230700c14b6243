package io.tributary.provisioning.host;

import io.tributary.provisioning.host.Host;

/** Where a host's three listeners are: a local host's port block, or Kafka's usual ports. */
public record ListenerPorts(int client, int controller, int internal) {

    public static ListenerPorts of(Host host) {
        if (host.getPortBase() != null) {
            int base = host.getPortBase();
            return new ListenerPorts(base, base + 1, base + 2);
        }
        return new ListenerPorts(9092, 9093, 9094);
    }
}
