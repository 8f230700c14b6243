package io.tributary.provisioning.kafkauser;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;

/**
 * A password in the SCRAM-SHA-512 form Kafka stores (RFC 5802): salt, iteration count and stored key.
 * The same salt and iterations go to Kafka with the password (Admin alterUserScramCredentials), so the
 * brokers' SCRAM store and our PLAIN handler's store describe one credential.
 */
public record ScramCredential(byte[] salt, int iterations, byte[] storedKey) {

    public static final int ITERATIONS = 8192;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ScramCredential of(String password) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return of(password, salt, ITERATIONS);
    }

    static ScramCredential of(String password, byte[] salt, int iterations) {
        try {
            ScramFormatter formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
            byte[] salted = formatter.saltedPassword(password, salt, iterations);
            return new ScramCredential(salt, iterations, formatter.storedKey(formatter.clientKey(salted)));
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException("SCRAM-SHA-512 unavailable", e);
        }
    }

    public String saltBase64() {
        return Base64.getEncoder().encodeToString(salt);
    }

    public String storedKeyBase64() {
        return Base64.getEncoder().encodeToString(storedKey);
    }
}
