package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * V7 on rows written before it: the clear key in a stored desired state becomes the broker's sealed one. Run on
 * transaction-local copies of the two tables (temporary tables come first in PostgreSQL's search path), rolled
 * back at the end, so the shared database is untouched.
 */
class DesiredStateMigrationTest extends ControlPlaneTest {

    static final String CLEAR_KEY = "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\\n";

    @Autowired
    DataSource dataSource;

    @Test
    void clearKeysOfStoredDesiredStatesAreReplacedByTheBrokersSealedKey() throws Exception {
        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/V7__desired_state_without_clear_keys.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false); // rolled back below: the pooled connection keeps no table
            try {
                run(sql, migration);
            } finally {
                db.rollback();
                db.setAutoCommit(true);
            }
        }
    }

    private void run(Statement sql, String migration) throws Exception {
        sql.execute("CREATE TEMP TABLE hosts (id text, instance_id uuid, node_id integer, desired_state text)");
        sql.execute("CREATE TEMP TABLE brokers (instance_id uuid, node_id integer, tls_key_enc text)");
        String instance = "'6f1c0000-0000-0000-0000-000000000001'";
        sql.execute("INSERT INTO brokers VALUES (" + instance + ", 1, 'v1:sealed-one')");
        sql.execute("INSERT INTO hosts VALUES ('with-broker', " + instance + ", 1, '" + state() + "'),"
                + " ('broker-gone', " + instance + ", 2, '" + state() + "'),"
                + " ('no-tls', " + instance + ", 3, '{\"hostId\":\"h3\",\"action\":\"RUN\"}'), ('empty', null, null, null)");

        sql.execute(migration);

        Map<String, String> after = new HashMap<>();
        try (ResultSet rows = sql.executeQuery("SELECT id, desired_state FROM hosts")) {
            while (rows.next()) {
                after.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(after.values()).noneMatch(s -> s != null && s.contains("PRIVATE KEY"));
        JsonNode migrated = ApiClient.JSON.readTree(after.get("with-broker"));
        assertThat(migrated.path("tls").path("sealedPrivateKey").asText()).isEqualTo("v1:sealed-one");
        assertThat(migrated.path("tls").path("certificateChain").asText()).isEqualTo("CERT");
        assertThat(migrated.path("tls").has("privateKey")).isFalse();
        assertThat(migrated.path("hostId").asText()).isEqualTo("h1");
        assertThat(ApiClient.JSON.readTree(after.get("broker-gone")).path("tls").has("privateKey")).isFalse();
        assertThat(after.get("no-tls")).isEqualTo("{\"hostId\":\"h3\",\"action\":\"RUN\"}");
        assertThat(after.get("empty")).isNull();
    }

    private static String state() {
        return "{\"hostId\":\"h1\",\"action\":\"RUN\",\"tls\":{\"caCertificate\":\"CA\",\"certificateChain\":\"CERT\","
                + "\"privateKey\":\"" + CLEAR_KEY + "\"}}";
    }
}
