package io.tributary.provisioning.desired;

import java.util.Objects;

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
}
