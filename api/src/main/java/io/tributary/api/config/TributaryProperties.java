package io.tributary.api.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the control plane, under {@code tributary}.
 *
 * @param home           data directory of the embedded default (database, keys, local hosts); env TRIBUTARY_HOME
 * @param bootstrapToken API key of the bootstrap admin on first start; env TRIBUTARY_BOOTSTRAP_TOKEN
 * @param secretKey      base64 AES-256 key for secrets at rest; empty = a key file generated in {@code home}
 * @param postgresBin    directory with PostgreSQL's server binaries for the embedded database; empty = found on the machine
 */
@Validated
@ConfigurationProperties("tributary")
public record TributaryProperties(
        @NotNull Path home,
        @Pattern(regexp = "^$|^trb_[A-Za-z0-9_-]{20,200}$",
                message = "must start with 'trb_' followed by at least 20 letters, digits, '-' or '_'")
        String bootstrapToken,
        String secretKey,
        Path postgresBin) {
}
