package io.tributary.api.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.TopicDto;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wait runs on a fake clock: each pause moves it on by 100 ms. */
class MetadataWaitTest {

    long now = 0;
    final AtomicInteger pauses = new AtomicInteger();
    final MetadataWait wait = new MetadataWait(Duration.ofSeconds(1), () -> now, () -> {
        pauses.incrementAndGet();
        now += Duration.ofMillis(100).toNanos();
    });

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    static Supplier<TopicDto> answers(Object... answers) {
        Queue<Object> queue = new ArrayDeque<>(List.of(answers));
        return () -> {
            Object next = queue.size() > 1 ? queue.poll() : queue.peek();
            if (next instanceof ApiException e) {
                throw e;
            }
            return (TopicDto) next;
        };
    }

    static TopicDto topic(int partitions) {
        return new TopicDto().name("t").partitions(partitions);
    }

    @Test
    void aTopicNotYetKnownIsAskedForAgainUntilItHasItsPartitions() {
        TopicDto found = wait.untilKnown(answers(ApiException.notFound("topic"), topic(1), topic(3)), 3);

        assertThat(found.getPartitions()).isEqualTo(3);
        assertThat(pauses).hasValue(2);
    }

    @Test
    void afterItsPatienceTheWaitAnswersWithWhatTheBrokersShow() {
        assertThat(wait.untilKnown(answers(topic(1)), 3).getPartitions()).isEqualTo(1);
        assertThat(pauses).hasValue(11);
    }

    @Test
    void aTopicStillUnknownAfterThePatienceIsNotFound() {
        assertThatThrownBy(() -> wait.untilKnown(answers(ApiException.notFound("topic")), 1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(pauses).hasValue(11);
    }

    @Test
    void anyOtherProblemEndsTheWaitAtOnce() {
        assertThatThrownBy(() -> wait.untilKnown(answers(new ApiException(ErrorCode.UNAVAILABLE, "down")), 1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(pauses).hasValue(0);
    }

    @Test
    void anInterruptedWaitAsksOnceMoreAndKeepsTheInterrupt() {
        MetadataWait interrupted = new MetadataWait(Duration.ofSeconds(1), () -> now, () -> {
            throw new InterruptedException();
        });

        assertThat(interrupted.untilKnown(answers(topic(1), topic(2)), 3).getPartitions()).isEqualTo(2);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
