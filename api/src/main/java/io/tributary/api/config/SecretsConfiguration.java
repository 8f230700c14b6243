package io.tributary.api.config;

import io.tributary.provisioning.crypto.SecretCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key for secrets at rest: {@code tributary.secret-key}, or a key file generated in the home directory. */
@Configuration
class SecretsConfiguration {

    @Bean
    SecretCipher secretCipher(TributaryProperties properties) {
        String configured = properties.secretKey();
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tributary.secret-key must be base64 of 32 random bytes");
            }
            return new SecretCipher(key);
        }
        return new SecretCipher(keyFile(properties.home().resolve("secret.key")));
    }

    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the secret key file " + file, e);
        }
    }
}
