package io.tributary.provisioning.host;

/** The URL broker agents use to reach this control plane; known once the web server is up. */
public interface AgentEndpoint {

    String url();
}
