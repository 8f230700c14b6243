package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deletion that failed can be asked for again; one in progress is not started twice. */
class DeleteRetryTest extends ControlPlaneTest {

    @Test
    void aFailedDeletionIsReplacedByANewOneOnTheNextDelete() {
        UUID project = defaultProject();
        String base = "/api/v1/projects/" + project + "/instances";
        String id = api.post(base, ADMIN_TOKEN, validOrder("retry-" + UUID.randomUUID().toString().substring(0, 6)))
                .json().path("instance").path("id").asText();
        ApiClient.Response first = api.delete(base + "/" + id, ADMIN_TOKEN);
        String failed = first.json().path("operation").path("id").asText();
        // what the reconciler does when a deletion runs out of attempts or time
        jdbc.update("update operations set status = 'FAILED', error = 'RELEASE_HOSTS failed: agent unreachable', "
                + "finished_at = now() where id = ?::uuid", failed);

        ApiClient.Response retry = api.delete(base + "/" + id, ADMIN_TOKEN);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("instance").path("status").asText()).isEqualTo("DELETING");
        String second = retry.json().path("operation").path("id").asText();
        assertThat(second).isNotEqualTo(failed);
        assertThat(retry.json().path("operation").path("type").asText()).isEqualTo("DELETE_INSTANCE");
        assertThat(retry.json().path("operation").path("status").asText()).isEqualTo("PENDING");
        assertThat(api.delete(base + "/" + id, ADMIN_TOKEN).json().path("operation").path("id").asText())
                .as("a deletion in progress is returned, not doubled").isEqualTo(second);
        assertThat(jdbc.queryForObject("select current_operation_id::text from instances where id = ?::uuid", String.class, id))
                .isEqualTo(second);
    }
}
