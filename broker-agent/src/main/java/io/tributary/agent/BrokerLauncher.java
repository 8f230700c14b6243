package io.tributary.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the broker as its own JVM ({@code java -Xms -Xmx <options> -cp <libs>/* kafka.Kafka
 * server.properties}, set up by {@link KafkaJvm}: a clean environment, no config providers) after writing its config files and formatting storage on first start, and finds
 * a broker left running by a previous agent process so it can be adopted instead of started twice.
 */
final class BrokerLauncher implements BrokerSupervisor.Launcher {

    private static final Logger log = LoggerFactory.getLogger(BrokerLauncher.class);
    private static final String LOG4J2_TEMPLATE = "/broker-log4j2.properties";

    private final AgentPaths paths;
    private final KafkaInstallation installation;
    private final StorageFormatter formatter;
    private final Clock clock;

    BrokerLauncher(AgentPaths paths, KafkaInstallation installation, StorageFormatter formatter, Clock clock) {
        this.paths = paths;
        this.installation = installation;
        this.formatter = formatter;
        this.clock = clock;
    }

    @Override
    public BrokerProcess launch(DesiredState state, RenderedConfig config) throws BrokerStartException {
        String classpath = installation.classpath(state.kafkaVersion());
        LaunchSpec spec = LaunchSpec.of(state, config);
        refuseAnotherClustersData(state);
        try {
            paths.createDirectories();
            AtomicFiles.writePrivate(paths.serverProperties(), config.text());
            AtomicFiles.writePrivate(paths.log4j2Properties(), log4j2Template());
        } catch (IOException e) {
            throw new BrokerStartException("cannot write broker config: " + e.getMessage(), e);
        }
        if (!formatter.isFormatted()) {
            formatter.format(classpath, state.clusterId());
        }
        List<String> command = command(state, classpath);
        try {
            Process process = KafkaJvm.processBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(java.lang.ProcessBuilder.Redirect.appendTo(paths.brokerOut().toFile()))
                    .start();
            Instant startedAt = clock.instant();
            BrokerProcess broker = new BrokerProcess(process.toHandle(), Optional.of(process), spec, startedAt);
            record(broker);
            log.info("Started broker pid {} (node {}, Kafka {}, config {})", broker.pid(), state.nodeId(),
                    state.kafkaVersion(), shortHash(config.hash()));
            return broker;
        } catch (IOException e) {
            throw new BrokerStartException("cannot start the broker JVM: " + e.getMessage(), e);
        }
    }

    /**
     * A data directory formatted for another cluster holds another instance's topics, records and users (SCRAM
     * credentials live in the KRaft metadata): a broker started on it would serve them to the new instance.
     */
    private void refuseAnotherClustersData(DesiredState state) throws BrokerStartException {
        Optional<String> formatted;
        try {
            formatted = formatter.formattedClusterId();
        } catch (IOException e) {
            throw new BrokerStartException("cannot read " + paths.metaProperties() + ": " + e.getMessage(), e);
        }
        if (formatted.isPresent() && !formatted.get().equals(state.clusterId())) {
            throw new BrokerStartException("refusing to start: " + paths.dataDir() + " belongs to cluster "
                    + formatted.get() + ", not to the desired cluster " + state.clusterId()
                    + "; the host must be wiped first");
        }
    }

    List<String> command(DesiredState state, String classpath) {
        List<String> command = new ArrayList<>();
        command.add(KafkaInstallation.java());
        command.add("-Xms" + state.jvm().heapMb() + "m");
        command.add("-Xmx" + state.jvm().heapMb() + "m");
        command.addAll(state.jvm().options());
        command.add(KafkaJvm.NO_CONFIG_PROVIDERS); // after the options: the last -D of a name wins
        command.add("-Djava.awt.headless=true");
        command.add("-Dkafka.logs.dir=" + paths.logsDir());
        command.add("-Dlog4j2.configurationFile=" + paths.log4j2Properties());
        command.add("-cp");
        command.add(classpath);
        command.add("kafka.Kafka");
        command.add(paths.serverProperties().toString());
        return command;
    }

    /**
     * The broker a previous agent process started for this home, if it still runs. Its identity is
     * checked (the recorded start instant, and the command line naming kafka.Kafka and this home's
     * server.properties), so a recycled pid is never mistaken for our broker.
     */
    Optional<BrokerProcess> findRunning() {
        try {
            Optional<String> text = AtomicFiles.readIfExists(paths.brokerState());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> map = Json.parseObject(text.get());
            long pid = Json.requiredLong(map, "pid");
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty()) {
                log.info("Broker pid {} from a previous agent run is gone", pid);
                forget();
                return Optional.empty();
            }
            if (!isOurBroker(handle.get(), map)) {
                log.warn("Pid {} from {} is alive but is not this home's broker; ignoring it", pid,
                        paths.brokerPid());
                forget();
                return Optional.empty();
            }
            LaunchSpec spec = new LaunchSpec(Json.requiredString(map, "configHash"),
                    Json.requiredString(map, "kafkaVersion"), Json.requiredString(map, "jvm"),
                    String.valueOf(map.getOrDefault("restartNonce", "")));
            Instant startedAt = Instant.parse(Json.requiredString(map, "startedAt"));
            return Optional.of(new BrokerProcess(handle.get(), Optional.empty(), spec, startedAt));
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read {}: {}", paths.brokerState(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Removes the pid record after the broker stopped or died. */
    @Override
    public void forget() {
        try {
            Files.deleteIfExists(paths.brokerPid());
            Files.deleteIfExists(paths.brokerState());
        } catch (IOException e) {
            log.warn("Cannot remove {}: {}", paths.brokerPid(), e.getMessage());
        }
    }

    private boolean isOurBroker(ProcessHandle handle, Map<String, Object> recorded) {
        Object recordedStart = recorded.get("processStart");
        Optional<Instant> start = handle.info().startInstant();
        if (recordedStart != null && start.isPresent() && !recordedStart.toString().equals(start.get().toString())) {
            return false;
        }
        return handle.info().commandLine()
                .or(() -> handle.info().arguments().map(args -> String.join(" ", args)))
                .map(cmd -> cmd.contains("kafka.Kafka") && cmd.contains(paths.serverProperties().toString()))
                .orElse(recordedStart != null && start.isPresent());
    }

    private void record(BrokerProcess broker) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("pid", broker.pid());
        state.put("configHash", broker.spec().configHash());
        state.put("kafkaVersion", broker.spec().kafkaVersion());
        state.put("jvm", broker.spec().jvmFingerprint());
        state.put("restartNonce", broker.spec().restartNonce()); // acted on once: an adopting agent keeps the broker
        state.put("startedAt", broker.startedAt().toString());
        ProcessHandle.of(broker.pid()).flatMap(h -> h.info().startInstant())
                .ifPresent(start -> state.put("processStart", start.toString()));
        AtomicFiles.writePrivate(paths.brokerState(), Json.write(state));
        AtomicFiles.writePrivate(paths.brokerPid(), broker.pid() + "\n");
    }

    private static String log4j2Template() throws IOException {
        try (InputStream in = BrokerLauncher.class.getResourceAsStream(LOG4J2_TEMPLATE)) {
            if (in == null) {
                throw new IOException("missing resource " + LOG4J2_TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
