package io.tributary.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaCallsTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aCompletedFutureGivesItsResult() {
        KafkaFutureImpl<String> future = new KafkaFutureImpl<>();
        future.complete("done");

        assertThat(KafkaCalls.await(future)).isEqualTo("done");
    }

    @Test
    void kafkasRefusalBecomesTheApisProblem() {
        CompletableFuture<String> future = CompletableFuture.failedFuture(new TopicExistsException("exists"));

        assertThatThrownBy(() -> KafkaCalls.await(future, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NAME_TAKEN));
    }

    @Test
    void noAnswerInTimeIsUnavailable() {
        assertThatThrownBy(() -> KafkaCalls.await(new CompletableFuture<String>(), Duration.ofMillis(50)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void anInterruptedWaitIsUnavailableAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> KafkaCalls.await(new CompletableFuture<String>(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aCallThatWaitsOnKafkaItselfFailsTheSameWay() {
        assertThatThrownBy(() -> KafkaCalls.call(() -> {
            throw new java.util.concurrent.TimeoutException("scram");
        })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }
}
