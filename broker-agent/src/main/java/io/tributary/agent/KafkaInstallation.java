package io.tributary.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The installed Kafka versions: {@code <dist>/<version>/libs/*.jar}, and the java that runs them. */
record KafkaInstallation(Path dist) {

    /** The {@code -cp} value for a version, checked to exist. */
    String classpath(String version) throws BrokerStartException {
        Path libs = dist.resolve(version).resolve("libs");
        try (Stream<Path> jars = Files.isDirectory(libs) ? Files.list(libs) : Stream.empty()) {
            if (jars.noneMatch(p -> p.getFileName().toString().startsWith("kafka_"))) {
                throw new BrokerStartException("Kafka " + version + " is not installed: no kafka_*.jar in " + libs);
            }
        } catch (IOException e) {
            throw new BrokerStartException("cannot read " + libs + ": " + e.getMessage(), e);
        }
        return libs + "/*";
    }

    /** The JVM the agent runs on also runs the broker. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
