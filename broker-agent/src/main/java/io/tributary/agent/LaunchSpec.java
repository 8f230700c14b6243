package io.tributary.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * What a broker process was started with; comparing the running spec with the wanted one yields the
 * {@link RestartReason}s, and no reason means no restart.
 */
record LaunchSpec(String configHash, String kafkaVersion, String jvmFingerprint, String restartNonce) {

    LaunchSpec {
        restartNonce = restartNonce == null ? "" : restartNonce;
    }

    static LaunchSpec of(DesiredState state, RenderedConfig config) {
        return new LaunchSpec(config.hash(), state.kafkaVersion(), jvmFingerprint(state.jvm()), state.restartNonce());
    }

    static String jvmFingerprint(DesiredState.Jvm jvm) {
        return RenderedConfig.sha256(jvm.heapMb() + "\n" + String.join("\n", jvm.options()));
    }

    /** Why a broker started with {@code this} must restart to become {@code wanted}; empty = it need not. */
    List<RestartReason> restartReasons(LaunchSpec wanted) {
        List<RestartReason> reasons = new ArrayList<>();
        if (!configHash.equals(wanted.configHash)) {
            reasons.add(RestartReason.CONFIG_CHANGED);
        }
        if (!kafkaVersion.equals(wanted.kafkaVersion)) {
            reasons.add(RestartReason.KAFKA_VERSION_CHANGED);
        }
        if (!jvmFingerprint.equals(wanted.jvmFingerprint)) {
            reasons.add(RestartReason.JVM_CHANGED);
        }
        if (!restartNonce.equals(wanted.restartNonce)) {
            reasons.add(RestartReason.RESTART_REQUESTED);
        }
        return reasons;
    }
}
