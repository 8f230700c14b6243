package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostWiperTest {

    @TempDir
    Path home;

    @Test
    void aWipeLeavesOnlyTheAgentsOwnIdentityAndRecordsItsNonce() throws Exception {
        AgentPaths paths = new AgentPaths(home);
        write(paths.credential(), "{\"hostId\":\"h\",\"credential\":\"c\"}");
        write(paths.agentKey(), "agent key");
        write(paths.agentCertificate(), "agent certificate");
        write(home.resolve("tls/broker.pem"), "-----BEGIN PRIVATE KEY----- tenant A");
        write(home.resolve("tls/ca.pem"), "tenant A's CA");
        write(paths.metaProperties(), "cluster.id=tenant-a");
        write(paths.dataDir().resolve("orders-0/00000000000000000000.log"), "tenant A's records");
        write(paths.dataDir().resolve("__cluster_metadata-0/00000000000000000000.log"), "SCRAM credentials");
        write(home.resolve("sasl-users.txt"), "alice 8192 salt key");
        write(home.resolve("allowed-cidrs.txt"), "10.0.0.0/8");
        write(paths.serverProperties(), "node.id=1");
        write(paths.brokerOut(), "topic orders created");
        write(paths.brokerState(), "{}");
        write(paths.produceRejected(), "");
        write(paths.desiredState(), "{\"action\":\"WIPE\"}");
        write(paths.desiredStateEtag(), "\"h-7\"");
        write(home.resolve("something-new"), "a file a later version might add");

        new HostWiper(paths).wipe("wipe_1");

        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.filter(Files::isRegularFile).map(home::relativize).map(Path::toString).sorted())
                    .containsExactly("credential", "tls/agent-key.pem", "tls/agent.pem", "wiped");
        }
        assertThat(paths.dataDir()).isEmptyDirectory();
        assertThat(new HostWiper(paths).lastWipe()).contains("wipe_1");
    }

    @Test
    void wipingTwiceIsHarmless() throws Exception {
        AgentPaths paths = new AgentPaths(home);
        write(paths.credential(), "{}");
        HostWiper wiper = new HostWiper(paths);

        wiper.wipe("wipe_1");
        wiper.wipe("wipe_2");

        assertThat(wiper.lastWipe()).contains("wipe_2");
        assertThat(paths.credential()).exists();
    }

    @Test
    void aWipeOrderIsReadAndOtherActionsAreNotOne() {
        assertThat(WipeOrder.parse("{\"hostId\":\"h\",\"generation\":4,\"action\":\"WIPE\",\"wipeNonce\":\"wipe_x\"}"))
                .contains(new WipeOrder("h", 4, "wipe_x"));
        assertThat(WipeOrder.parse(Json.write(TestStates.combined()))).isEmpty();
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
