package io.tributary.api.kafka;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Waits on Kafka futures and turns Kafka's errors into the API's problems. */
public final class KafkaCalls {

    private KafkaCalls() {
    }

    public static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(InstanceKafka.API_TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
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
        if (e instanceof TimeoutException) {
            return unavailable();
        }
        return new ApiException(ErrorCode.UNAVAILABLE, "the brokers answered with an error: " + e.getClass().getSimpleName());
    }

    static ApiException unavailable() {
        return new ApiException(ErrorCode.UNAVAILABLE, "the instance's brokers did not answer in time; retry later");
    }
}
