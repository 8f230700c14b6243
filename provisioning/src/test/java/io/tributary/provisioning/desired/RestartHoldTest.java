package io.tributary.provisioning.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.provisioning.catalog.Flavor;
import io.tributary.provisioning.catalog.FlavorCatalog;
import io.tributary.provisioning.json.JsonText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A desired-state write changes in place what it can and holds back what would restart the broker. */
class RestartHoldTest {

    final Flavor small = new FlavorCatalog().get("kafka.2u4g");
    final Flavor large = new FlavorCatalog().get("kafka.4u8g");

    @Test
    void aNewHostGetsEverything() {
        DesiredState wanted = state(large, List.of("10.0.0.0/8"), null);
        assertThat(RestartHold.apply(null, wanted)).isEqualTo(wanted);
    }

    @Test
    void aNewFlavorWaitsWhileTheAllowListGoesAhead() {
        DesiredState running = state(small, List.of(), null);
        DesiredState wanted = state(large, List.of("10.0.0.0/8"), null);

        DesiredState written = RestartHold.apply(running, wanted);

        assertThat(written.launch()).isEqualTo(running.launch());
        assertThat(written.network().allowedCidrs()).containsExactly("10.0.0.0/8");
        assertThat(written.launch()).isNotEqualTo(wanted.launch());
    }

    @Test
    void theRestartThatTheRollerAsksForCarriesTheNewFlavor() {
        DesiredState running = state(small, List.of(), null);
        DesiredState wanted = state(large, List.of(), "operation-1");
        assertThat(RestartHold.apply(running, wanted)).isEqualTo(wanted);
    }

    @Test
    void aHeldBackLaunchSurvivesTheRoundTripThroughTheStoredJson() {
        DesiredState running = JsonText.read(JsonText.write(state(small, List.of(), "operation-1")), DesiredState.class);
        DesiredState wanted = state(small, List.of("10.1.0.0/16"), "operation-1");
        assertThat(RestartHold.apply(running, wanted).launch()).isEqualTo(wanted.launch());
    }

    @Test
    void settingsKafkaTakesWhileRunningAreHeldButNeedNoRestart() {
        // more storage: a larger log.segment.bytes
        DesiredState running = state(small, List.of(), null, Map.of("message.max.bytes", "2000000"), 1L << 30);
        DesiredState wanted = state(small, List.of(), null,
                Map.of("message.max.bytes", "4000000", "log.cleaner.threads", "2"), 2L << 30);

        DesiredState written = RestartHold.apply(running, wanted);

        assertThat(written.launch()).isEqualTo(running.launch());
        assertThat(written.launch()).isNotEqualTo(wanted.launch());
        assertThat(RestartHold.needsRestart(written.launch(), wanted.launch())).isFalse();
    }

    @Test
    void aSettingThatNeedsARestartMarksTheBroker() {
        DesiredState running = state(small, List.of(), null, Map.of("message.max.bytes", "2000000"), 10L << 30);
        DesiredState wanted = state(small, List.of(), null,
                Map.of("message.max.bytes", "4000000", "replica.lag.time.max.ms", "60000"), 10L << 30);

        assertThat(RestartHold.needsRestart(RestartHold.apply(running, wanted).launch(), wanted.launch())).isTrue();
        assertThat(RestartHold.needsRestart(state(small, List.of(), null).launch(), state(large, List.of(), null).launch()))
                .isTrue();
    }

    private static DesiredState state(Flavor flavor, List<String> cidrs, String nonce) {
        return state(flavor, cidrs, nonce, Map.of("message.max.bytes", "2000000"), 10L << 30);
    }

    private static DesiredState state(Flavor flavor, List<String> cidrs, String nonce, Map<String, String> user,
                                      long storageBytes) {
        return new DesiredState("h1", "RUN", "4.1.1", 1, List.of("broker", "controller"), "c1", "1@127.0.0.1:9093",
                "az1", List.of(new DesiredState.Listener(DesiredState.CLIENT, 9092, "PLAINTEXT", "127.0.0.1")),
                DesiredState.INTERNAL, DesiredState.CONTROLLER,
                BrokerTuning.settings(flavor, 3, 72, storageBytes), user,
                new DesiredState.Jvm(flavor.brokerHeapMb(), BrokerTuning.jvmOptions()),
                new DesiredState.Storage(storageBytes, "TIME_BASE", 0.95, 0.85), null, null,
                new DesiredState.Network(cidrs), nonce);
    }
}
