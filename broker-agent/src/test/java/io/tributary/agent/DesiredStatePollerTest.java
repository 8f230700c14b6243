package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against {@link TestControlPlane} over plain HTTP: what it hands on, persists and reports. */
class DesiredStatePollerTest {

    private static final Duration POLL = Duration.ofSeconds(5);

    @TempDir
    Path home;

    private final TestControlPlane controlPlane = new TestControlPlane();
    private final MutableClock clock = new MutableClock();
    private final AtomicReference<String> syncError = new AtomicReference<>();
    private final List<Object> handedOn = new CopyOnWriteArrayList<>();
    private DesiredStateStore store;
    private DesiredStatePoller poller;
    private int port;

    @BeforeEach
    void start() throws IOException {
        port = BrokerAgentIT.freePorts(1)[0];
        controlPlane.start(port);
        AgentPaths paths = new AgentPaths(home);
        paths.createDirectories();
        store = new DesiredStateStore(paths);
        ControlPlaneClient client = new ControlPlaneClient(URI.create("http://127.0.0.1:" + port),
                new AgentTlsIdentity(home, Optional.empty()));
        poller = new DesiredStatePoller(client, store, new Credential(controlPlane.hostId, controlPlane.credential),
                "", POLL, clock, syncError, new DesiredStatePoller.Handoff() {
                    @Override
                    public void state(DesiredState state) {
                        handedOn.add(state);
                    }

                    @Override
                    public void wipe(WipeOrder order) {
                        handedOn.add(order);
                    }
                });
    }

    @AfterEach
    void stop() {
        controlPlane.close();
    }

    @Test
    void notAssignedThenUpdatedThenUnchanged() throws Exception {
        assertThat(poller.pollOnce()).isEqualTo(DesiredStatePoller.Outcome.NOT_ASSIGNED);

        controlPlane.setDesiredState(TestStates.combined(controlPlane.hostId, 7, 19100, 19101, 19102));
        assertThat(poller.pollOnce()).isEqualTo(DesiredStatePoller.Outcome.UPDATED);
        assertThat(handedOn).singleElement().isInstanceOfSatisfying(DesiredState.class,
                state -> assertThat(state.generation()).isEqualTo(7));
        assertThat(store.load()).get().extracting(s -> s.state().generation()).isEqualTo(7L);
        assertThat(poller.nextPoll()).isEqualTo(clock.instant().plus(POLL));

        assertThat(poller.pollOnce()).isEqualTo(DesiredStatePoller.Outcome.UNCHANGED);
        assertThat(controlPlane.notModified.get()).isEqualTo(1);
        assertThat(handedOn).hasSize(1);
    }

    @Test
    void aStateForAnotherHostIsRejectedNeitherPersistedNorHandedOn() throws Exception {
        controlPlane.setDesiredState(TestStates.combined("another-host", 7, 19100, 19101, 19102));

        assertThat(poller.pollOnce()).isEqualTo(DesiredStatePoller.Outcome.REJECTED);
        assertThat(syncError.get()).isEqualTo("desired state rejected: it is for host another-host");
        assertThat(store.load()).isEmpty();
        assertThat(handedOn).isEmpty();

        controlPlane.setDesiredState(TestStates.combined(controlPlane.hostId, 8, 19100, 19101, 19102));
        assertThat(poller.pollOnce()).isEqualTo(DesiredStatePoller.Outcome.UPDATED);
        assertThat(syncError.get()).isNull();
    }

    @Test
    void aWipeIsHandedOnAsAWipe() throws Exception {
        controlPlane.setDesiredState(Map.of("hostId", controlPlane.hostId, "generation", 9, "action", "WIPE",
                "wipeNonce", "n-1"));

        assertThat(poller.pollOnce()).isEqualTo(DesiredStatePoller.Outcome.UPDATED);
        assertThat(handedOn).singleElement().isEqualTo(new WipeOrder(controlPlane.hostId, 9, "n-1"));
    }

    @Test
    void anUnreachableControlPlaneIsPolledWithBackoff() throws Exception {
        controlPlane.stop();

        assertThat(poller.pollOnce()).isEqualTo(DesiredStatePoller.Outcome.UNREACHABLE);
        assertThat(poller.nextPoll()).isEqualTo(clock.instant().plus(POLL));
        clock.advance(POLL);
        poller.pollIfDue();
        assertThat(poller.nextPoll()).isEqualTo(clock.instant().plus(POLL.multipliedBy(2)));

        controlPlane.start(port);
        clock.advance(POLL.multipliedBy(2));
        poller.pollIfDue();
        assertThat(poller.nextPoll()).isEqualTo(clock.instant().plus(POLL));
    }
}
