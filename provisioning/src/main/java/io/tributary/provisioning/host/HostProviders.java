package io.tributary.provisioning.host;

import java.util.List;

/** The configured provider for new hosts, and the right one to release any existing host. */
public class HostProviders {

    private final List<HostProvider> providers;
    private final HostProvider active;

    public HostProviders(List<HostProvider> providers, String activeName) {
        this.providers = providers;
        this.active = forName(activeName);
    }

    public HostProvider active() {
        return active;
    }

    public HostProvider forHost(Host host) {
        return forName(host.getProvider());
    }

    private HostProvider forName(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown host provider '" + name + "' (known: local, pool)"));
    }
}
