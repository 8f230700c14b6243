package io.tributary.provisioning.kafkauser;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * SCRAM-SHA-512 credentials in the brokers' metadata, through the Admin API. Only upsertions are ever sent:
 * a SCRAM deletion in the metadata log makes a restarted node lose every SCRAM user (Kafka's
 * {@code ScramDelta.apply}, every 4.x release; docs/security.md, issue 20), so a user is retired by
 * {@link #disable overwriting} its credential instead.
 */
public final class ScramUsers {

    private static final long TIMEOUT_SECONDS = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramUsers() {
    }

    /** Sets {@code user}'s password with the credential's salt and iterations, so Kafka and our store agree. */
    public static void upsert(Admin admin, String user, String password, ScramCredential credential)
            throws ExecutionException, InterruptedException, TimeoutException {
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, credential.iterations()),
                        password.getBytes(StandardCharsets.UTF_8), credential.salt())))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Makes {@code user}'s SCRAM logins impossible without writing a deletion: its credential becomes one for a
     * random password (256 bits) that is dropped here, so nobody can know it. The name stays known to Kafka.
     * Idempotent, and fine for a user that has no credential yet.
     */
    public static void disable(Admin admin, String user) throws ExecutionException, InterruptedException, TimeoutException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String password = Base64.getEncoder().encodeToString(secret);
        upsert(admin, user, password, ScramCredential.of(password));
    }
}
