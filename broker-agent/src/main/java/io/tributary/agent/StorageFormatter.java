package io.tributary.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the broker's KRaft storage once, before its first start, with Kafka's own StorageTool:
 * {@code kafka.tools.StorageTool format -t <clusterId> -c server.properties --ignore-formatted}.
 * With a static {@code controller.quorum.voters} no --standalone / --initial-controllers flag is used.
 */
final class StorageFormatter {

    private static final Logger log = LoggerFactory.getLogger(StorageFormatter.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final AgentPaths paths;

    StorageFormatter(AgentPaths paths) {
        this.paths = paths;
    }

    boolean isFormatted() {
        return Files.exists(paths.metaProperties());
    }

    /** The {@code cluster.id} the data directory was formatted for, if it was. */
    Optional<String> formattedClusterId() throws IOException {
        if (!isFormatted()) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (var in = Files.newBufferedReader(paths.metaProperties(), StandardCharsets.UTF_8)) {
            meta.load(in);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    /** Runs the format; server.properties must already be written. */
    void format(String classpath, String clusterId) throws BrokerStartException {
        List<String> command = List.of(KafkaInstallation.java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", KafkaJvm.NO_CONFIG_PROVIDERS, "-Dlog4j2.configurationFile=" + paths.log4j2Properties(),
                "-Dkafka.logs.dir=" + paths.logsDir(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", paths.serverProperties().toString(), "--ignore-formatted");
        log.info("Formatting KRaft storage in {} for cluster {}", paths.dataDir(), clusterId);
        try {
            Process process = KafkaJvm.processBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(paths.formatOut().toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new BrokerStartException("storage format did not finish within " + TIMEOUT);
            }
            if (process.exitValue() != 0 || !isFormatted()) {
                throw new BrokerStartException("storage format failed (exit " + process.exitValue() + "): "
                        + tail(paths.formatOut()));
            }
        } catch (IOException e) {
            throw new BrokerStartException("cannot run storage format: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while formatting storage", e);
        }
    }

    private static String tail(java.nio.file.Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).trim();
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
