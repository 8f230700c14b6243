package io.tributary.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainUserStoreCallbackHandlerTest {

    @TempDir
    Path dir;
    Path file;
    final PlainUserStoreCallbackHandler handler = new PlainUserStoreCallbackHandler();

    @BeforeEach
    void configure() throws Exception {
        file = dir.resolve("sasl-users.txt");
        write(line("alice", "Secret123"));
        handler.configure(Map.of(), "PLAIN", List.of(new AppConfigurationEntry(
                "org.apache.kafka.common.security.plain.PlainLoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("users_file", file.toString()))));
    }

    @Test
    void theRightPasswordAuthenticatesAndAWrongOneOrUnknownUserDoesNot() throws Exception {
        assertThat(authenticate("alice", "Secret123")).isTrue();
        assertThat(authenticate("alice", "Secret124")).isFalse();
        assertThat(authenticate("bob", "Secret123")).isFalse();
    }

    @Test
    void aReplacedFileIsReadAgainWithoutARestart() throws Exception {
        assertThat(authenticate("alice", "Secret123")).isTrue();
        write(line("alice", "Changed456") + line("bob", "BobPass789"));
        assertThat(authenticate("alice", "Changed456")).isTrue();
        assertThat(authenticate("alice", "Secret123")).isFalse();
        assertThat(authenticate("bob", "BobPass789")).isTrue();
        write("");
        assertThat(authenticate("bob", "BobPass789")).isFalse();
    }

    @Test
    void anUnreadableOrMalformedFileKeepsNoUserFromBefore() throws Exception {
        assertThat(authenticate("alice", "Secret123")).isTrue();
        write(line("alice", "Secret123") + "bob 4096 not-base64! x\n");
        assertThat(authenticate("alice", "Secret123")).as("a malformed line: no old users kept").isFalse();

        Files.delete(file);
        Files.createDirectory(file); // exists, but reading it fails
        assertThat(authenticate("alice", "Secret123")).isFalse();
        Files.delete(file);
        write(line("alice", "Secret123"));
        assertThat(authenticate("alice", "Secret123")).isTrue();
    }

    private boolean authenticate(String user, String password) throws Exception {
        PlainAuthenticateCallback plain = new PlainAuthenticateCallback(password.toCharArray());
        handler.handle(new Callback[]{new NameCallback("user", user), plain});
        return plain.authenticated();
    }

    /** Like the agent: a new file renamed over the old one. */
    private void write(String text) throws Exception {
        Path tmp = dir.resolve(".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String line(String user, String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        ScramFormatter f = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
        byte[] stored = f.storedKey(f.clientKey(f.saltedPassword(password, salt, 4096)));
        return user + " 4096 " + Base64.getEncoder().encodeToString(salt) + " " + Base64.getEncoder().encodeToString(stored) + "\n";
    }
}
