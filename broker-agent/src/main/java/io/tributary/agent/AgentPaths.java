package io.tributary.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The layout of the agent's home directory, in one place. */
record AgentPaths(Path home) {

    Path credential() {
        return home.resolve("credential");
    }

    Path desiredState() {
        return home.resolve("desired-state.json");
    }

    Path desiredStateEtag() {
        return home.resolve("desired-state.etag");
    }

    Path configDir() {
        return home.resolve("config");
    }

    Path serverProperties() {
        return configDir().resolve("server.properties");
    }

    Path log4j2Properties() {
        return configDir().resolve("log4j2.properties");
    }

    /** The broker's {@code log.dirs}; KRaft metadata lives here too. */
    Path dataDir() {
        return home.resolve("data");
    }

    Path metaProperties() {
        return dataDir().resolve("meta.properties");
    }

    /** While it exists the broker rejects produce requests (TributaryAuthorizer); the disk guard owns it. */
    Path produceRejected() {
        return home.resolve("produce-rejected");
    }

    Path logsDir() {
        return home.resolve("logs");
    }

    Path brokerOut() {
        return logsDir().resolve("broker.out");
    }

    Path formatOut() {
        return logsDir().resolve("storage-format.out");
    }

    /** The broker's pid, alone on one line (for operators and scripts). */
    Path brokerPid() {
        return home.resolve("broker.pid");
    }

    /** What the agent started the broker with (config hash, version, jvm), to decide on adoption. */
    Path brokerState() {
        return home.resolve("broker.state.json");
    }

    /** The nonce of the last wipe this agent finished, reported as {@code wiped}. */
    Path wipedMarker() {
        return home.resolve("wiped");
    }

    /** The agent's own key and client certificate for the agent channel ({@link AgentTlsIdentity}). */
    Path agentKey() {
        return home.resolve("tls").resolve("agent-key.pem");
    }

    Path agentCertificate() {
        return home.resolve("tls").resolve("agent.pem");
    }

    void createDirectories() throws IOException {
        Files.createDirectories(configDir());
        Files.createDirectories(dataDir());
        Files.createDirectories(logsDir());
    }
}
