package io.tributary.provisioning.host;

import java.nio.file.Path;

/** Where broker agents reach this control plane's agent API (HTTPS), and the CA they trust for it. */
public interface AgentEndpoint {

    /** The agent API's base URL; known once the web server is up. */
    String url();

    /** The PEM certificate of the CA that signed the agent API's server certificate. */
    Path caCertificateFile();
}
