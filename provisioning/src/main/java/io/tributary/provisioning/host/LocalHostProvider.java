package io.tributary.provisioning.host;

import io.tributary.provisioning.ProvisioningProperties;
import io.tributary.provisioning.crypto.Tokens;
import io.tributary.provisioning.instance.Broker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default: a "host" is a broker-agent process on this machine with its own data
 * directory and block of ten ports, started as a booted VM would start it. Agents run in their
 * own session, so they (and their brokers) outlive a control-plane crash and are adopted again.
 */
public class LocalHostProvider implements HostProvider {

    static final int PORTS_PER_HOST = 10;
    private static final Logger log = LoggerFactory.getLogger(LocalHostProvider.class);
    private static final String AGENT_MAIN = "io.tributary.agent.BrokerAgentMain";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** In the agent's home, mode 0600, until the agent enrolled and deleted it. */
    static final String JOIN_TOKEN_FILE = "join-token";

    private final HostRepository hosts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AgentEndpoint endpoint;
    private final ProvisioningProperties.Local settings;
    private final Path hostsDirectory;
    private final Path distribution;
    private final LocalStartGate startGate;

    public LocalHostProvider(HostRepository hosts, TransactionTemplate tx, Clock clock, AgentEndpoint endpoint,
                             ProvisioningProperties.Local settings, Path hostsDirectory, Path distribution) {
        this.hosts = hosts;
        this.tx = tx;
        this.clock = clock;
        this.endpoint = endpoint;
        this.settings = settings;
        this.hostsDirectory = hostsDirectory;
        this.distribution = distribution;
        this.startGate = new LocalStartGate(settings.startGate());
    }

    @Override
    public String name() {
        return Host.LOCAL;
    }

    @Override
    public Host ensureHost(Broker broker) {
        Host host = hosts.findLiveByBroker(broker.getInstanceId(), broker.getNodeId())
                .orElseGet(() -> createHost(broker));
        if (agentProcess(host).isEmpty()) {
            host = startAgent(host);
        }
        return host;
    }

    /** Starts the agent again if its process is gone (e.g. after the machine restarted). */
    public void revive(Host host) {
        if (agentProcess(host).isEmpty()) {
            startAgent(host);
        }
    }

    @Override
    public void releaseHost(Host host) {
        agentProcess(host).ifPresent(p -> LocalProcesses.stop(p, STOP_GRACE));
        if (host.getAgentHome() != null) {
            Path home = Path.of(host.getAgentHome());
            LocalProcesses.readPid(home.resolve("broker.pid"))
                    .flatMap(pid -> LocalProcesses.find(pid, home.toString()))
                    .ifPresent(p -> LocalProcesses.stop(p, STOP_GRACE));
            deleteRecursively(home);
        }
        tx.executeWithoutResult(s -> hosts.findById(host.getId()).ifPresent(h -> {
            h.remove(clock.instant());
            hosts.save(h);
        }));
        log.info("instance={} node={} local host {} removed", host.getInstanceId(), host.getNodeId(), host.getId());
    }

    Optional<ProcessHandle> agentProcess(Host host) {
        return LocalProcesses.find(host.getAgentPid(), "tributary.host=" + host.getId());
    }

    private Host createHost(Broker broker) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int portBase = freePortBase();
            UUID id = UUID.randomUUID();
            try {
                return tx.execute(s -> {
                    Host host = new Host(id, Host.LOCAL, broker.getAvailabilityZone(), HostStatus.PROVISIONING, clock.instant());
                    host.setAddress("127.0.0.1");
                    host.setPortBase(portBase);
                    host.setAgentHome(hostsDirectory.resolve(id.toString()).toString());
                    host.assign(broker.getInstanceId(), broker.getNodeId(), clock.instant());
                    return hosts.saveAndFlush(host);
                });
            } catch (DataIntegrityViolationException raced) {
                // another replica took this port block (or this broker's host) at the same moment
                Optional<Host> existing = hosts.findLiveByBroker(broker.getInstanceId(), broker.getNodeId());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
        }
        throw new NoCapacityException("no free port block for a local host");
    }

    private int freePortBase() {
        Set<Integer> used = new HashSet<>(hosts.usedLocalPortBases());
        for (int base = settings.portRangeStart(); base + PORTS_PER_HOST < 65535; base += PORTS_PER_HOST) {
            if (!used.contains(base) && portsFree(base)) {
                return base;
            }
        }
        throw new NoCapacityException("no free port block for a local host");
    }

    private static boolean portsFree(int base) {
        for (int port = base; port < base + 3; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private Host startAgent(Host host) {
        startGate.awaitOpen(host);
        if (!Files.isDirectory(distribution.resolve("lib"))) {
            throw new IllegalStateException("the broker-agent distribution is not at " + distribution
                    + "; build it (mvn install) or set TRIBUTARY_AGENT_DISTRIBUTION");
        }
        Path home = Path.of(host.getAgentHome());
        Path tokenFile = home.resolve(JOIN_TOKEN_FILE);
        // A control plane killed between starting an agent and recording its pid must not start a second one
        // for the same host when it resumes: the one that runs is adopted.
        Optional<ProcessHandle> running = LocalProcesses.findAny(hostMarker(host));
        if (running.isPresent()) {
            long pid = running.get().pid();
            log.info("instance={} node={} local host {} agent already runs, pid {}; adopted", host.getInstanceId(),
                    host.getNodeId(), host.getId(), pid);
            return tx.execute(s -> {
                Host h = hosts.findById(host.getId()).orElseThrow();
                h.setAgentPid(pid);
                return hosts.saveAndFlush(h);
            });
        }
        try {
            Files.createDirectories(home);
            Host saved = issueJoinTokenUnlessEnrolled(host, tokenFile);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("TRIBUTARY_CONTROL_PLANE_URL", endpoint.url());
            settings.put("TRIBUTARY_CONTROL_PLANE_CA", endpoint.caCertificateFile().toString());
            settings.put("TRIBUTARY_AGENT_HOME", home.toString());
            settings.put("TRIBUTARY_JOIN_TOKEN_FILE", tokenFile.toString());
            settings.put("TRIBUTARY_AGENT_AZ", saved.getAvailabilityZone());
            settings.put("TRIBUTARY_AGENT_ADDRESS", saved.getAddress());
            settings.put("TRIBUTARY_KAFKA_DIST", distribution.resolve("kafka").toString());
            settings.put("TRIBUTARY_AGENT_POLL_MS", "1000");
            settings.put("TRIBUTARY_AGENT_REPORT_MS", "3000");
            ProcessBuilder builder = new ProcessBuilder(agentCommand(saved))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("agent.log").toFile()));
            Map<String, String> env = builder.environment();
            Map<String, String> agentEnv = AgentEnvironment.of(env, settings);
            env.clear();
            env.putAll(agentEnv);
            Process process = builder.start();
            log.info("instance={} node={} local host {} agent started, pid {}", saved.getInstanceId(), saved.getNodeId(),
                    saved.getId(), process.pid());
            return tx.execute(s -> {
                Host h = hosts.findById(saved.getId()).orElseThrow();
                h.setAgentPid(process.pid());
                return hosts.saveAndFlush(h);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the broker agent for host " + host.getId(), e);
        }
    }

    /**
     * A new one-time token for a host whose agent has not enrolled yet: its hash in the database, the token in a
     * 0600 file the agent deletes once it enrolled (never in the agent's environment or command line). An enrolled
     * host already has its credential and never gets a token again.
     */
    private Host issueJoinTokenUnlessEnrolled(Host host, Path tokenFile) throws IOException {
        String joinToken = Tokens.newToken("trbj_");
        Host saved = tx.execute(s -> {
            Host h = hosts.findById(host.getId()).orElseThrow();
            if (h.getCredentialHash() != null) {
                return h;
            }
            h.issueJoinToken(Tokens.sha256(joinToken), clock.instant().plus(Duration.ofHours(1)));
            return hosts.saveAndFlush(h);
        });
        Files.deleteIfExists(tokenFile);
        if (saved.getCredentialHash() == null) {
            Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tokenFile, joinToken);
        }
        return saved;
    }

    private List<String> agentCommand(Host host) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // own session: a Ctrl-C or crash of the control plane leaves it running
        }
        command.add(javaCommand());
        command.addAll(List.of("-Xmx32m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:MaxMetaspaceSize=48m", "-XX:ReservedCodeCacheSize=16m",
                hostMarker(host).strip(), "-Dtributary.agent.home=" + host.getAgentHome(),
                "-cp", distribution.resolve("lib") + "/*", AGENT_MAIN));
        return command;
    }

    /** What names a host's agent on its command line. */
    private static String hostMarker(Host host) {
        return "-Dtributary.host=" + host.getId() + " ";
    }

    private String javaCommand() {
        if (settings.javaCommand() != null && !settings.javaCommand().isBlank()) {
            return settings.javaCommand();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }
}
