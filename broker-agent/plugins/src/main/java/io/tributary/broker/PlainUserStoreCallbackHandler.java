package io.tributary.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SASL/PLAIN checked against the instance's user store instead of cleartext JAAS entries: a file of
 * {@code name iterations salt storedKey} lines (SCRAM-SHA-512 salted form, base64, written by the agent), the
 * same credential Kafka keeps for SCRAM. A password is right when H(HMAC(Hi(password, salt, i), "Client Key"))
 * equals the stored key (RFC 5802). The file is re-read when it changes, so users come and go without a
 * restart. Its path is the JAAS option {@value #USERS_FILE_OPTION}.
 */
public class PlainUserStoreCallbackHandler implements AuthenticateCallbackHandler {

    private static final Logger log = LoggerFactory.getLogger(PlainUserStoreCallbackHandler.class);
    static final String USERS_FILE_OPTION = "users_file";

    private record StoredUser(int iterations, byte[] salt, byte[] storedKey) {
    }

    private ReplacedFile usersFile;
    private volatile Map<String, StoredUser> users = Map.of();
    private ScramFormatter formatter;

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        Object file = null;
        for (AppConfigurationEntry entry : jaasConfigEntries) {
            file = entry.getOptions().get(USERS_FILE_OPTION);
            if (file != null) {
                break;
            }
        }
        if (file == null) {
            throw new KafkaException("PLAIN needs the JAAS option " + USERS_FILE_OPTION + " naming the users file");
        }
        usersFile = new ReplacedFile(Path.of(file.toString()));
        try {
            formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new KafkaException("SHA-512 is unavailable", e);
        }
        reloadIfChanged();
        log.info("SASL/PLAIN users are checked against {} ({} users)", usersFile.path(), users.size());
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        String name = null;
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback nameCallback) {
                name = nameCallback.getDefaultName();
            } else if (callback instanceof PlainAuthenticateCallback plain) {
                plain.authenticated(name != null && authenticate(name, new String(plain.password())));
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    boolean authenticate(String name, String password) {
        reloadIfChanged();
        StoredUser user = users.get(name);
        if (user == null) {
            return false;
        }
        try {
            byte[] salted = formatter.saltedPassword(password, user.salt(), user.iterations());
            byte[] storedKey = formatter.storedKey(formatter.clientKey(salted));
            return MessageDigest.isEqual(storedKey, user.storedKey());
        } catch (java.security.InvalidKeyException e) {
            return false;
        }
    }

    private synchronized void reloadIfChanged() {
        try {
            if (!usersFile.changed()) {
                return;
            }
            Map<String, StoredUser> loaded = new HashMap<>();
            if (Files.exists(usersFile.path())) {
                for (String line : Files.readAllLines(usersFile.path(), StandardCharsets.UTF_8)) {
                    String[] f = line.trim().split(" ");
                    if (f.length == 4) {
                        loaded.put(f[0], new StoredUser(Integer.parseInt(f[1]), Base64.getDecoder().decode(f[2]),
                                Base64.getDecoder().decode(f[3])));
                    }
                }
            }
            users = Map.copyOf(loaded);
        } catch (IOException | RuntimeException e) {
            usersFile.forget(); // read again at the next login
            users = Map.of(); // fail closed: a user deleted in the file we cannot read must not log in
            log.warn("Cannot read the users file {}; refusing every PLAIN login until it can be read: {}",
                    usersFile.path(), e.toString());
        }
    }

    @Override
    public void close() {
    }
}
