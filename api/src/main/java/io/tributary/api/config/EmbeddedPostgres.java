package io.tributary.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server kept in {@code <home>/postgres}, started from the machine's PostgreSQL
 * binaries. The first start runs initdb with a generated password; later starts reuse the data,
 * so state survives restarts. A server left running by a killed control plane is adopted.
 * PostgreSQL refuses to run as root; as root it is started in a user namespace where it is not.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Path binDir;
    private final String password;
    private final int port;
    private Process process;

    private EmbeddedPostgres(Path dataDir, Path binDir, String password, int port, Process process) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.password = password;
        this.port = port;
        this.process = process;
    }

    public static EmbeddedPostgres start(Path home, Path configuredBinDir) {
        Path binDir = configuredBinDir != null ? configuredBinDir : findBinaries().orElseThrow(() -> new IllegalStateException(
                "No PostgreSQL server binaries found for the embedded database. Install them (Debian: apt-get install "
                        + "postgresql), set TRIBUTARY_POSTGRES_BIN, or point SPRING_DATASOURCE_URL at a server."));
        Path dataDir = home.resolve("postgres");
        Path passwordFile = home.resolve("postgres.password");
        try {
            Files.createDirectories(home);
            String password = readOrCreatePassword(passwordFile);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb(binDir, dataDir, passwordFile);
            }
            Optional<Integer> running = adoptablePort(dataDir);
            if (running.isPresent()) {
                log.info("Embedded PostgreSQL already running on port {} (left by an earlier control plane); adopting it",
                        running.get());
                return new EmbeddedPostgres(dataDir, binDir, password, running.get(), null);
            }
            int port = freePort();
            Process process = launch(binDir, dataDir, port);
            EmbeddedPostgres pg = new EmbeddedPostgres(dataDir, binDir, password, port, process);
            pg.awaitReady();
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", port, dataDir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    /** Fast shutdown (SIGINT): active sessions are ended, data is flushed. */
    @Override
    public void close() {
        Optional<Long> pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid.get())).start().waitFor(10, TimeUnit.SECONDS);
            ProcessHandle.of(pid.get()).ifPresent(p -> {
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("could not stop the embedded PostgreSQL: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Optional<Path> findBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> parseVersion(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            Path bin = Path.of(dir);
            if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"))) {
                return Optional.of(bin);
            }
        }
        return Optional.empty();
    }

    private static int parseVersion(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    private static void initdb(Path binDir, Path dataDir, Path passwordFile) throws IOException {
        Files.createDirectories(dataDir.getParent());
        List<String> command = asServerUser(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(),
                "-U", "postgres", "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale"));
        Path logFile = dataDir.getParent().resolve("postgres-initdb.log");
        Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        try {
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                throw new IllegalStateException("initdb failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during initdb", e);
        }
    }

    private static Process launch(Path binDir, Path dataDir, int port) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // not stopped by a Ctrl-C meant for the control plane; close() stops it
        }
        command.addAll(asServerUser(List.of(binDir.resolve("postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=100", "-c", "shared_buffers=64MB", "-c", "fsync=on")));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.getParent().resolve("postgres.log").toFile()))
                .start();
    }

    /** PostgreSQL will not run as root; in a fresh user namespace root is an ordinary user. */
    private static List<String> asServerUser(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--user"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the embedded PostgreSQL exited at start (code " + process.exitValue()
                        + "); see " + dataDir.getParent().resolve("postgres.log"));
            }
            if (acceptsConnections(port) && postmasterPid(dataDir).isPresent()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL started", e);
            }
        }
        throw new IllegalStateException("the embedded PostgreSQL did not start within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** The port of a live server on this data directory, from its postmaster.pid. */
    private static Optional<Integer> adoptablePort(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && acceptsConnections(port) ? Optional.of(port) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> postmasterPid(Path dataDir) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
