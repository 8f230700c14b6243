package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's security files fail closed: the allow-list always says who is allowed, and a failed write is reported. */
class SecurityFilesTest {

    static final ObservedState OBSERVED = new ObservedState(2, "abc", "4.1.1", "0.1.0", BrokerStatus.RUNNING, 4242L, 0,
            Instant.parse("2026-11-23T05:40:00Z"), null, null, null, null);

    @TempDir
    Path home;

    @Test
    void anEmptyAllowListIsWrittenAsEveryAddressNeverAsAnEmptyFile() throws Exception {
        SecurityFiles.Locations at = SecurityFiles.Locations.under(home);
        assertThat(new SecurityFiles(at).apply(TestStates.parse(TestStates.combined()))).isTrue();
        assertThat(Files.readAllLines(at.allowedCidrs())).containsExactly("0.0.0.0/0", "::/0");

        Map<String, Object> limited = TestStates.combined();
        limited.put("network", Map.of("allowedCidrs", List.of("10.0.0.0/8")));
        assertThat(new SecurityFiles(at).apply(TestStates.parse(limited))).isTrue();
        assertThat(Files.readAllLines(at.allowedCidrs())).containsExactly("10.0.0.0/8");
    }

    @Test
    void aFailedWriteIsNotAppliedAndIsReportedUntilAWriteSucceeds() throws Exception {
        SecurityFiles.Locations at = SecurityFiles.Locations.under(home);
        SecurityFiles files = new SecurityFiles(at);
        Map<String, Object> doc = SecurityRenderingTest.saslSsl();
        Files.createDirectories(at.allowedCidrs().resolve("in-the-way")); // the rename over it fails

        assertThat(files.apply(TestStates.parse(doc))).as("not applied").isFalse();
        assertThat(files.withFailure(OBSERVED).lastError()).contains("security files", "generation");
        assertThat(files.withFailure(OBSERVED).generation()).as("the generation reported is the one applied before")
                .isEqualTo(2);
        assertThat(files.withFailure(OBSERVED.withLastError("broker crashed")).lastError())
                .contains("security files", "broker crashed");

        Files.delete(at.allowedCidrs().resolve("in-the-way"));
        Files.delete(at.allowedCidrs());
        assertThat(files.apply(TestStates.parse(doc))).isTrue();
        assertThat(files.withFailure(OBSERVED)).isEqualTo(OBSERVED);
        assertThat(Files.readAllLines(at.allowedCidrs())).containsExactly("10.0.0.0/8", "192.168.1.0/24");
    }
}
