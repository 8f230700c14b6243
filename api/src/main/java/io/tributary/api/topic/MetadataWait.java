package io.tributary.api.topic;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.TopicDto;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A new topic (or partition) reaches every broker's metadata a moment after Kafka confirmed it:
 * until then a broker may not know the topic (404) or show fewer partitions. This asks again,
 * briefly, so the answer to a create or update shows what was just done; after {@code patience}
 * it returns (or throws) what the brokers say then.
 */
final class MetadataWait {

    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final Duration PAUSE = Duration.ofMillis(100);

    /** Waits between two questions. */
    interface Pause {
        void pause() throws InterruptedException;
    }

    private final Duration patience;
    private final LongSupplier nanoTime;
    private final Pause pause;

    MetadataWait(Duration patience, LongSupplier nanoTime, Pause pause) {
        this.patience = patience;
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    /** {@link #PATIENCE} on the system's clock, {@link #PAUSE} between questions. */
    static MetadataWait standard() {
        return new MetadataWait(PATIENCE, System::nanoTime, () -> Thread.sleep(PAUSE.toMillis()));
    }

    /** The topic once {@code describe} finds it with at least {@code partitions} partitions, or when patience ends. */
    TopicDto untilKnown(Supplier<TopicDto> describe, int partitions) {
        long deadline = nanoTime.getAsLong() + patience.toNanos();
        while (true) {
            TopicDto found;
            try {
                found = describe.get();
            } catch (ApiException notYet) {
                if (notYet.code() != ErrorCode.NOT_FOUND || nanoTime.getAsLong() > deadline) {
                    throw notYet;
                }
                try {
                    pause.pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
                continue;
            }
            if (found.getPartitions() >= partitions || nanoTime.getAsLong() > deadline) {
                return found;
            }
            try {
                pause.pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return describe.get();
            }
        }
    }
}
