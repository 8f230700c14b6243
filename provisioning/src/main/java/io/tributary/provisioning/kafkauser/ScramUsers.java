package io.tributary.provisioning.kafkauser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.ResourceNotFoundException;

/** SCRAM-SHA-512 credentials in the brokers' metadata, through the Admin API. */
public final class ScramUsers {

    private static final long TIMEOUT_SECONDS = 15;

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

    /** Removes {@code user}'s SCRAM credential; a user without one is fine. */
    public static void delete(Admin admin, String user) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512)))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw e;
            }
        }
    }
}
