package io.tributary.api.kafka;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Waits on Kafka futures and turns Kafka's errors into the API's problems. */
public final class KafkaCalls {

    private KafkaCalls() {
    }

    /** How long an Admin call is waited for: the clients' own API timeout and a margin for its answer. */
    static final Duration ADMIN_WAIT = InstanceKafka.API_TIMEOUT.plusSeconds(2);

    /** An Admin call's result, waited for {@link #ADMIN_WAIT}. */
    public static <T> T await(KafkaFuture<T> future) {
        return await(future, ADMIN_WAIT);
    }

    /** The future's result; Kafka's error, a timeout or an interruption become the API's problem. */
    public static <T> T await(Future<T> future, Duration timeout) {
        return call(() -> future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** A call that waits on Kafka itself (with its own timeout), and so fails in the ways {@link Future#get} does. */
    public interface Waiting<T> {
        T get() throws ExecutionException, InterruptedException, TimeoutException;
    }

    /** Runs a call that waits on Kafka, with the same translation of its errors as {@link #await}. */
    public static <T> T call(Waiting<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    public static ApiException translate(Throwable e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof UnknownTopicOrPartitionException) {
            return ApiException.notFound("topic");
        }
        if (e instanceof GroupIdNotFoundException) {
            return ApiException.notFound("consumer group");
        }
        if (e instanceof TopicExistsException) {
            return new ApiException(ErrorCode.NAME_TAKEN, "a topic of that name already exists");
        }
        if (e instanceof GroupNotEmptyException || e instanceof UnknownMemberIdException) {
            return new ApiException(ErrorCode.GROUP_ACTIVE, "the consumer group has active members; stop them first");
        }
        if (e instanceof InvalidPartitionsException || e instanceof InvalidReplicationFactorException
                || e instanceof InvalidConfigurationException || e instanceof PolicyViolationException
                || e instanceof InvalidTopicException || e instanceof InvalidRequestException
                || e instanceof RecordTooLargeException) {
            return new ApiException(ErrorCode.KAFKA_REJECTED, e.getMessage());
        }
        if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
            return unavailable();
        }
        return new ApiException(ErrorCode.UNAVAILABLE, "the brokers answered with an error: " + e.getClass().getSimpleName());
    }

    static ApiException unavailable() {
        return new ApiException(ErrorCode.UNAVAILABLE, "the instance's brokers did not answer in time; retry later");
    }
}
