package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredStateStoreTest {

    @TempDir
    Path home;

    @Test
    void savedStateLoadsBackWithItsEtagAndIsPrivate() throws Exception {
        DesiredStateStore store = new DesiredStateStore(new AgentPaths(home));
        String json = Json.write(TestStates.combined());

        store.save(json, "\"g3\"");

        DesiredStateStore.Stored stored = new DesiredStateStore(new AgentPaths(home)).load().orElseThrow();
        assertThat(stored.json()).isEqualTo(json);
        assertThat(stored.etag()).isEqualTo("\"g3\"");
        assertThat(stored.state().generation()).isEqualTo(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("desired-state.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aNewStateReplacesTheOldOneAndAMissingEtagIsEmpty() throws Exception {
        DesiredStateStore store = new DesiredStateStore(new AgentPaths(home));
        store.save(Json.write(TestStates.combined()), "\"g3\"");
        var next = TestStates.combined();
        next.put("generation", 4);

        store.save(Json.write(next), null);

        DesiredStateStore.Stored stored = store.load().orElseThrow();
        assertThat(stored.state().generation()).isEqualTo(4);
        assertThat(stored.etag()).isEmpty();
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("desired-state.json");
        }
    }

    @Test
    void nothingSavedOrUnreadableLoadsAsEmpty() throws Exception {
        DesiredStateStore store = new DesiredStateStore(new AgentPaths(home));
        assertThat(store.load()).isEmpty();

        Files.writeString(home.resolve("desired-state.json"), "{\"generation\": ");

        assertThat(store.load()).isEmpty();
    }
}
