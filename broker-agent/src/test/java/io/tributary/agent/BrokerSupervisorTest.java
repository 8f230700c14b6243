package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * State transitions of the supervisor, with stand-in broker processes ({@code sleep}) and a port
 * probe the test controls. Test names follow the transitions in {@link BrokerStatus}.
 */
class BrokerSupervisorTest {

    final MutableClock clock = new MutableClock();
    final FakeLauncher launcher = new FakeLauncher();
    boolean listening;
    final BrokerSupervisor supervisor = new BrokerSupervisor(
            new ServerPropertiesRenderer(Path.of("/data"), "127.0.0.1", Path.of("/produce-rejected")), launcher, (host, port) -> listening,
            "127.0.0.1", new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), Duration.ofSeconds(10),
            clock, "test");

    @AfterEach
    void killStandIns() {
        launcher.started.forEach(p -> p.toHandle().destroyForcibly());
    }

    @Test
    void stoppedToStartingToRunning() {
        supervisor.accept(TestStates.parse(TestStates.combined()));
        supervisor.reconcile();
        assertThat(supervisor.observe().status()).isEqualTo(BrokerStatus.STARTING);
        assertThat(supervisor.observe().pid()).isEqualTo(launcher.last().pid());

        listening = true;
        supervisor.reconcile();

        ObservedState observed = supervisor.observe();
        assertThat(observed.status()).isEqualTo(BrokerStatus.RUNNING);
        assertThat(observed.generation()).isEqualTo(3);
        assertThat(observed.configHash()).hasSize(64);
        assertThat(observed.restarts()).isZero();
    }

    @Test
    void runningStaysRunningForAnUnchangedConfigEvenWithANewGeneration() {
        runningBroker();
        long pid = supervisor.observe().pid();
        Map<String, Object> sameConfig = TestStates.combined();
        sameConfig.put("generation", 4);

        supervisor.accept(TestStates.parse(sameConfig));
        supervisor.reconcile();

        assertThat(supervisor.observe().pid()).isEqualTo(pid);
        assertThat(supervisor.observe().generation()).isEqualTo(4);
        assertThat(launcher.started).hasSize(1);
    }

    @Test
    void runningToStartingWhenTheConfigHashChanges() {
        runningBroker();
        ObservedState before = supervisor.observe();
        Map<String, Object> changed = TestStates.combined();
        TestStates.settings(changed, "brokerSettings").put("num.io.threads", "4");

        supervisor.accept(TestStates.parse(changed));
        supervisor.reconcile();

        ObservedState after = supervisor.observe();
        assertThat(after.pid()).isNotEqualTo(before.pid());
        assertThat(after.configHash()).isNotEqualTo(before.configHash());
        assertThat(after.restarts()).isZero();
        assertThat(launcher.started.get(0).isAlive()).isFalse();
    }

    @Test
    void runningToStartingOnceForANewRestartNonce() {
        runningBroker();
        long pid = supervisor.observe().pid();
        Map<String, Object> restart = TestStates.combined();
        restart.put("generation", 4);
        restart.put("restartNonce", "op-1");

        supervisor.accept(TestStates.parse(restart));
        supervisor.reconcile();
        listening = true;
        supervisor.reconcile();
        long restartedPid = supervisor.observe().pid();
        Map<String, Object> later = TestStates.combined();
        later.put("generation", 5);
        later.put("restartNonce", "op-1");
        supervisor.accept(TestStates.parse(later));
        supervisor.reconcile();

        assertThat(restartedPid).isNotEqualTo(pid);
        assertThat(supervisor.observe().pid()).as("the same nonce does not restart again").isEqualTo(restartedPid);
        assertThat(supervisor.observe().restartNonce()).isEqualTo("op-1");
        assertThat(launcher.started).hasSize(2);
    }

    @Test
    void adoptedBrokerStartedForTheDesiredNonceIsKept() throws IOException {
        Map<String, Object> restart = TestStates.combined();
        restart.put("restartNonce", "op-1");
        DesiredState state = TestStates.parse(restart);
        Process orphan = FakeLauncher.standIn();
        launcher.started.add(orphan);
        listening = true;
        supervisor.adopt(new BrokerProcess(orphan.toHandle(), Optional.empty(),
                LaunchSpec.of(state, new ServerPropertiesRenderer(Path.of("/data"), "127.0.0.1",
                        Path.of("/produce-rejected")).render(state)), clock.instant()));

        supervisor.accept(state);
        supervisor.reconcile();

        assertThat(supervisor.observe().pid()).as("an agent restart does not restart the broker again")
                .isEqualTo(orphan.pid());
        assertThat(launcher.started).hasSize(1);
    }

    @Test
    void runningToCrashedToStartingAfterBackoff() {
        runningBroker();
        launcher.last().destroyForcibly();
        await().until(() -> !launcher.last().isAlive());

        supervisor.reconcile();
        assertThat(supervisor.observe().status()).isEqualTo(BrokerStatus.CRASHED);
        assertThat(supervisor.observe().lastError()).contains("exited unexpectedly");

        supervisor.reconcile();
        assertThat(launcher.started).as("no restart before the backoff elapsed").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        supervisor.reconcile();
        supervisor.reconcile();

        ObservedState observed = supervisor.observe();
        assertThat(launcher.started).hasSize(2);
        assertThat(observed.status()).isEqualTo(BrokerStatus.RUNNING);
        assertThat(observed.restarts()).isEqualTo(1);
        assertThat(observed.lastError()).isNull();
    }

    @Test
    void stoppedToFailedWhenTheLaunchFailsAndRetriedAtOnceOnANewState() {
        launcher.failure = Optional.of("Kafka 9.9.9 is not installed");
        supervisor.accept(TestStates.parse(TestStates.combined()));
        supervisor.reconcile();

        assertThat(supervisor.observe().status()).isEqualTo(BrokerStatus.FAILED);
        assertThat(supervisor.observe().lastError()).isEqualTo("Kafka 9.9.9 is not installed");

        launcher.failure = Optional.empty();
        Map<String, Object> fixed = TestStates.combined();
        fixed.put("generation", 4);
        supervisor.accept(TestStates.parse(fixed));
        supervisor.reconcile();

        assertThat(supervisor.observe().status()).isEqualTo(BrokerStatus.STARTING);
    }

    @Test
    void runningToStoppedOnActionStop() {
        runningBroker();
        Process process = launcher.last();
        Map<String, Object> stop = TestStates.combined();
        stop.put("action", "STOP");
        stop.put("generation", 4);

        supervisor.accept(TestStates.parse(stop));
        supervisor.reconcile();

        assertThat(process.isAlive()).isFalse();
        assertThat(supervisor.observe().status()).isEqualTo(BrokerStatus.STOPPED);
        assertThat(supervisor.observe().pid()).isNull();
        assertThat(launcher.forgotten).isPositive();
    }

    @Test
    void adoptedBrokerWithTheSameConfigIsKept() throws IOException {
        DesiredState state = TestStates.parse(TestStates.combined());
        RenderedConfig config = new ServerPropertiesRenderer(Path.of("/data"), "127.0.0.1", Path.of("/produce-rejected")).render(state);
        Process orphan = FakeLauncher.standIn();
        launcher.started.add(orphan);
        listening = true;

        supervisor.adopt(new BrokerProcess(orphan.toHandle(), Optional.empty(), LaunchSpec.of(state, config),
                clock.instant()));
        supervisor.accept(state);
        supervisor.reconcile();

        assertThat(supervisor.observe().pid()).isEqualTo(orphan.pid());
        assertThat(supervisor.observe().status()).isEqualTo(BrokerStatus.RUNNING);
        assertThat(launcher.started).hasSize(1);
    }

    @Test
    void adoptedBrokerWithAnotherConfigIsReplaced() throws IOException {
        Process orphan = FakeLauncher.standIn();
        launcher.started.add(orphan);
        supervisor.adopt(new BrokerProcess(orphan.toHandle(), Optional.empty(),
                new LaunchSpec("old-hash", "4.1.1", "old-jvm", ""), clock.instant()));

        supervisor.accept(TestStates.parse(TestStates.combined()));
        supervisor.reconcile();

        assertThat(orphan.isAlive()).isFalse();
        assertThat(supervisor.observe().pid()).isEqualTo(launcher.last().pid());
    }

    @Test
    void rejectedStateKeepsTheRunningBrokerAndReportsWhy() {
        runningBroker();
        long pid = supervisor.observe().pid();
        Map<String, Object> bad = TestStates.combined();
        bad.put("generation", 4);
        TestStates.settings(bad, "userSettings").put("node.id", "9");

        supervisor.accept(TestStates.parse(bad));
        supervisor.reconcile();

        assertThat(supervisor.observe().pid()).isEqualTo(pid);
        assertThat(supervisor.observe().status()).isEqualTo(BrokerStatus.RUNNING);
        assertThat(supervisor.observe().lastError()).contains("generation 4 rejected", "node.id");
    }

    private void runningBroker() {
        listening = true;
        supervisor.accept(TestStates.parse(TestStates.combined()));
        supervisor.reconcile();
        supervisor.reconcile();
        assertThat(supervisor.observe().status()).isEqualTo(BrokerStatus.RUNNING);
    }

    /** Launches {@code sleep} processes in place of brokers. */
    static final class FakeLauncher implements BrokerSupervisor.Launcher {
        final List<Process> started = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        int forgotten;

        static Process standIn() throws IOException {
            return new ProcessBuilder("sleep", "300").start();
        }

        @Override
        public BrokerProcess launch(DesiredState state, RenderedConfig config) throws BrokerStartException {
            if (failure.isPresent()) {
                throw new BrokerStartException(failure.get());
            }
            try {
                Process process = standIn();
                started.add(process);
                return new BrokerProcess(process.toHandle(), Optional.of(process), LaunchSpec.of(state, config),
                        java.time.Instant.now());
            } catch (IOException e) {
                throw new BrokerStartException(e.getMessage(), e);
            }
        }

        @Override
        public void forget() {
            forgotten++;
        }

        Process last() {
            return started.get(started.size() - 1);
        }
    }
}
