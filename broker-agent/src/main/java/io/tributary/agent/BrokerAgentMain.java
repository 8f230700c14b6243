package io.tributary.agent;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code broker-agent [--help | --version]}. Settings come from the environment (see
 * {@link AgentConfigs}); exit code 2 means they are wrong.
 */
public final class BrokerAgentMain {

    private static final Logger log = LoggerFactory.getLogger(BrokerAgentMain.class);

    private BrokerAgentMain() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(AgentConfigs.describe());
            return;
        }
        if (Arrays.asList(args).contains("--version")) {
            System.out.println(version());
            return;
        }
        BrokerAgent agent;
        try {
            AgentConfig config = AgentConfig.from(System.getenv(), System.getProperties(), distribution());
            log.info("Starting broker-agent {} with {}", version(), config);
            agent = new BrokerAgent(config, version(), Clock.systemUTC());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (java.io.IOException e) {
            log.error("Cannot set up the channel to the control plane: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "shutdown"));
        try {
            agent.start();
        } catch (ConfigException e) {
            log.error(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            log.error("broker-agent could not start", e);
            System.exit(1);
        }
    }

    static String version() {
        String version = BrokerAgentMain.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The distribution directory: -Dtributary.agent.distribution, else the parent of the jar's lib/. */
    static Path distribution() {
        String configured = System.getProperty("tributary.agent.distribution");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path jar = Path.of(BrokerAgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent() == null || jar.getParent().getParent() == null ? Path.of(".")
                    : jar.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".");
        }
    }
}
