package io.tributary.provisioning.desired;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which launch a host's new desired state carries: the wanted one when the broker is new, not running, or being
 * restarted by this very state (a new restart nonce); otherwise the one it runs now, so the write changes only what
 * the broker takes in place.
 */
final class RestartHold {

    private RestartHold() {
    }

    static DesiredState apply(DesiredState running, DesiredState wanted) {
        if (running == null || !"RUN".equals(running.action()) || !"RUN".equals(wanted.action())
                || !Objects.equals(running.restartNonce(), wanted.restartNonce())
                || running.launch().equals(wanted.launch())) {
            return wanted;
        }
        return wanted.withLaunch(running.launch());
    }

    /**
     * Whether the broker must restart to run {@code wanted} rather than {@code held}: they differ in more than
     * settings Kafka takes while running ({@link DynamicBrokerSettings}), which the control plane sets through the
     * Admin API instead.
     */
    static boolean needsRestart(DesiredState.Launch held, DesiredState.Launch wanted) {
        return !withoutDynamicSettings(held).equals(withoutDynamicSettings(wanted));
    }

    private static DesiredState.Launch withoutDynamicSettings(DesiredState.Launch l) {
        return new DesiredState.Launch(l.kafkaVersion(), l.processRoles(), l.clusterId(), l.controllerQuorumVoters(),
                l.rack(), l.listeners(), l.interBrokerListener(), l.controllerListener(), staticOnly(l.brokerSettings()),
                staticOnly(l.userSettings()), l.jvm());
    }

    private static Map<String, String> staticOnly(Map<String, String> settings) {
        if (settings == null) {
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>(settings);
        out.keySet().removeIf(DynamicBrokerSettings::isDynamic);
        return out;
    }
}
