package io.tributary.systemtests;

import static org.awaitility.Awaitility.await;

import io.tributary.api.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged control plane ({@code api/target/tributary.jar}; the build passes its path as the
 * system property {@code tributary.jar}) as its own process on a data directory, so tests can stop
 * it, kill it and start it again as an operator would.
 */
final class ControlPlaneProcess implements AutoCloseable {

    static final String TOKEN = "trb_it_admin_0123456789abcdefghijklmn";

    private final Path home;
    private final int port;
    private final int agentPort;
    private final int localPortStart;
    private final Map<String, String> extraEnv = new java.util.HashMap<>();
    private Process process;

    /** An extra environment setting for the control plane (from the next start on). */
    ControlPlaneProcess with(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    ControlPlaneProcess(Path home, int localPortStart) {
        this.home = home;
        this.port = freePort();
        int agent = freePort();
        while (agent == port) {
            agent = freePort();
        }
        this.agentPort = agent;
        this.localPortStart = localPortStart;
    }

    ControlPlaneProcess start() {
        Path jar = Path.of(System.getProperty("tributary.jar", "../api/target/tributary.jar")).toAbsolutePath().normalize();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("control-plane.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("TRIBUTARY_HOME", home.toString());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("TRIBUTARY_AGENT_PORT", Integer.toString(agentPort)); // the same after a restart, as agents expect
        env.put("TRIBUTARY_BOOTSTRAP_TOKEN", TOKEN);
        env.put("TRIBUTARY_LOCAL_PORT_START", Integer.toString(localPortStart));
        env.put("TRIBUTARY_LOCAL_BROKER_HEAP_MB", "256");
        env.putAll(extraEnv);
        try {
            Files.createDirectories(home);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApiClient api = api();
        await("control plane healthy").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the control plane exited; see " + home.resolve("control-plane.log"));
                    }
                    try {
                        return api.get("/actuator/health", null).raw().contains("UP");
                    } catch (IllegalStateException notYet) {
                        return false;
                    }
                });
        return this;
    }

    ApiClient api() {
        return new ApiClient(baseUrl());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: the crash an operator fears. */
    void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** SIGTERM: an orderly stop. */
    void stop() {
        process.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    /** Pids of live processes whose command line names {@code marker}. */
    static List<Long> processesMentioning(String marker) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> cmdline(p.pid()).contains(marker))
                    .map(ProcessHandle::pid).toList();
        }
    }

    /** Last-resort cleanup after a failed test: nothing started under {@code home} survives. */
    static void killEverythingUnder(Path home) {
        for (long pid : processesMentioning(home.toString())) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
