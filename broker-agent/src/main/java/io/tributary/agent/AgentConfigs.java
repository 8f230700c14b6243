package io.tributary.agent;

import java.util.List;
import java.util.Locale;

/**
 * Every setting of the agent: its environment-variable name, default and documentation, in the
 * style of Kafka's {@code ServerConfigs}. Each setting can also be given as a JVM system property
 * whose name is the environment name in lower case with dots ({@code TRIBUTARY_AGENT_AZ} ->
 * {@code -Dtributary.agent.az=...}); a system property wins over the environment.
 */
public final class AgentConfigs {

    public static final String CONTROL_PLANE_URL_CONFIG = "TRIBUTARY_CONTROL_PLANE_URL";
    public static final String CONTROL_PLANE_URL_DOC = "Base URL of the control plane (http or https), "
            + "for example https://tributary.example.com. The agent calls <url>/agent/v1/... Required.";

    public static final String CONTROL_PLANE_CA_CONFIG = "TRIBUTARY_CONTROL_PLANE_CA";
    public static final String CONTROL_PLANE_CA_DOC = "PEM file of the CA that signed the control plane's agent-API "
            + "certificate (the control plane's <home>/agent-tls/ca.pem; also in the join-token answer). With https "
            + "the agent trusts only this CA; without it, the JVM's default trust store.";

    public static final String AGENT_HOME_CONFIG = "TRIBUTARY_AGENT_HOME";
    public static final String AGENT_HOME_DOC = "The agent's data directory: credential, desired-state.json, "
            + "config/, data/ (the broker's log.dirs), logs/, broker.pid. Created when missing. Required.";

    public static final String JOIN_TOKEN_CONFIG = "TRIBUTARY_JOIN_TOKEN";
    public static final String JOIN_TOKEN_DOC = "One-time join token used to enroll this host. Needed only while "
            + "<home>/credential does not exist yet.";

    public static final String JOIN_TOKEN_FILE_CONFIG = "TRIBUTARY_JOIN_TOKEN_FILE";
    public static final String JOIN_TOKEN_FILE_DOC = "File holding the one-time join token (keep it mode 0600); wins "
            + "over " + JOIN_TOKEN_CONFIG + ". The agent deletes it once it enrolled. Preferred over the variable, "
            + "which stays readable in the agent's /proc/<pid>/environ for as long as it runs.";

    public static final String AGENT_AZ_CONFIG = "TRIBUTARY_AGENT_AZ";
    public static final String AGENT_AZ_DEFAULT = "az1";
    public static final String AGENT_AZ_DOC = "Availability zone of this host, reported at enrollment "
            + "(the control plane uses it for placement and broker.rack).";

    public static final String AGENT_ADDRESS_CONFIG = "TRIBUTARY_AGENT_ADDRESS";
    public static final String AGENT_ADDRESS_DEFAULT = "127.0.0.1";
    public static final String AGENT_ADDRESS_DOC = "Address of this host: reported at enrollment, the address the "
            + "broker's listeners bind to and the address the agent probes the client listener on.";

    public static final String KAFKA_DIST_CONFIG = "TRIBUTARY_KAFKA_DIST";
    public static final String KAFKA_DIST_DEFAULT = "<agent distribution>/kafka";
    public static final String KAFKA_DIST_DOC = "Directory holding one <kafkaVersion>/libs/*.jar per installed "
            + "Kafka version.";

    public static final String POLL_MS_CONFIG = "TRIBUTARY_AGENT_POLL_MS";
    public static final long POLL_MS_DEFAULT = 2000;
    public static final String POLL_MS_DOC = "How often the agent asks the control plane for its desired state, "
            + "in milliseconds.";

    public static final String REPORT_MS_CONFIG = "TRIBUTARY_AGENT_REPORT_MS";
    public static final long REPORT_MS_DEFAULT = 5000;
    public static final String REPORT_MS_DOC = "How often the agent reports its observed state when nothing "
            + "changed, in milliseconds (a change is reported at once).";

    public static final String BROKER_STOP_TIMEOUT_MS_CONFIG = "TRIBUTARY_BROKER_STOP_TIMEOUT_MS";
    public static final long BROKER_STOP_TIMEOUT_MS_DEFAULT = 120_000;
    public static final String BROKER_STOP_TIMEOUT_MS_DOC = "How long a broker gets to shut down after SIGTERM "
            + "before it is killed, in milliseconds.";

    /** Name, default (null = none) and doc of every setting, in the order {@code --help} prints them. */
    public record Setting(String name, String defaultValue, String doc) {
        public String systemProperty() {
            return systemPropertyName(name);
        }
    }

    public static final List<Setting> ALL = List.of(
            new Setting(CONTROL_PLANE_URL_CONFIG, null, CONTROL_PLANE_URL_DOC),
            new Setting(CONTROL_PLANE_CA_CONFIG, null, CONTROL_PLANE_CA_DOC),
            new Setting(AGENT_HOME_CONFIG, null, AGENT_HOME_DOC),
            new Setting(JOIN_TOKEN_CONFIG, null, JOIN_TOKEN_DOC),
            new Setting(JOIN_TOKEN_FILE_CONFIG, null, JOIN_TOKEN_FILE_DOC),
            new Setting(AGENT_AZ_CONFIG, AGENT_AZ_DEFAULT, AGENT_AZ_DOC),
            new Setting(AGENT_ADDRESS_CONFIG, AGENT_ADDRESS_DEFAULT, AGENT_ADDRESS_DOC),
            new Setting(KAFKA_DIST_CONFIG, KAFKA_DIST_DEFAULT, KAFKA_DIST_DOC),
            new Setting(POLL_MS_CONFIG, Long.toString(POLL_MS_DEFAULT), POLL_MS_DOC),
            new Setting(REPORT_MS_CONFIG, Long.toString(REPORT_MS_DEFAULT), REPORT_MS_DOC),
            new Setting(BROKER_STOP_TIMEOUT_MS_CONFIG, Long.toString(BROKER_STOP_TIMEOUT_MS_DEFAULT),
                    BROKER_STOP_TIMEOUT_MS_DOC));

    private AgentConfigs() {
    }

    /** {@code TRIBUTARY_AGENT_AZ} -> {@code tributary.agent.az}. */
    public static String systemPropertyName(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Text for {@code broker-agent --help}. */
    public static String describe() {
        StringBuilder out = new StringBuilder("broker-agent settings (environment variable / -D system property):\n");
        for (Setting s : ALL) {
            out.append("\n  ").append(s.name()).append("  (-D").append(s.systemProperty()).append(")\n")
                    .append("      ").append(s.doc()).append('\n')
                    .append("      default: ").append(s.defaultValue() == null ? "(none)" : s.defaultValue())
                    .append('\n');
        }
        return out.toString();
    }
}
