package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A user's delete or update meets a reconciler that writes the same rows all the time (as it does while an order
 * waits at WAIT_FOR_BROKERS: progress and next attempt, every pass); the change waits for the reconciler's write
 * instead of losing the race to it ({@code TwoControlPlanesIT} once got a 409 here).
 */
class ChangeWhileReconcilingTest extends ControlPlaneTest {

    @Test
    void aDeleteSucceedsWhileTheCreationIsWrittenWithoutPause() throws Exception {
        String base = "/api/v1/projects/" + defaultProject() + "/instances";
        ApiClient.Response order = api.post(base, ADMIN_TOKEN, validOrder("busy-" + UUID.randomUUID().toString().substring(0, 6)));
        String id = order.json().path("instance").path("id").asText();
        String creation = order.json().path("operation").path("id").asText();

        ApiClient.Response deleted = whileWriting("update operations set version = version + 1, updated_at = now()"
                + " where id = ?::uuid and status in ('PENDING', 'RUNNING')", creation, () -> api.delete(base + "/" + id, ADMIN_TOKEN));

        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.json().path("instance").path("status").asText()).isEqualTo("DELETING");
        assertThat(jdbc.queryForObject("select status from operations where id = ?::uuid", String.class, creation))
                .as("the creation is cancelled").isEqualTo("FAILED");
    }

    @Test
    void anUpdateSucceedsWhileTheInstanceIsWrittenWithoutPause() throws Exception {
        String base = "/api/v1/projects/" + defaultProject() + "/instances";
        String id = api.post(base, ADMIN_TOKEN, validOrder("busy-" + UUID.randomUUID().toString().substring(0, 6)))
                .json().path("instance").path("id").asText();

        ApiClient.Response updated = whileWriting("update instances set version = version + 1 where id = ?::uuid", id,
                () -> api.patch(base + "/" + id, ADMIN_TOKEN, Map.of("description", "changed while busy")));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select description from instances where id = ?::uuid", String.class, id))
                .isEqualTo("changed while busy");
    }

    /** Runs {@code call} while another connection commits {@code write} on the row over and over. */
    private ApiClient.Response whileWriting(String write, String rowId, java.util.concurrent.Callable<ApiClient.Response> call)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                jdbc.update(write, rowId);
                writes.incrementAndGet();
            }
        }, "busy-reconciler");
        writer.start();
        try {
            while (writes.get() < 20) {
                Thread.sleep(5);
            }
            return call.call();
        } finally {
            stop.set(true);
            writer.join();
        }
    }
}
