package io.tributary.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * About 200 records a second to one topic, {@code acks=all} and idempotent, each remembered once the brokers
 * acknowledged it: the load a day-2 action runs under, whose acknowledged records must all be read back after.
 */
final class SteadyProducer implements AutoCloseable {

    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Exception> error = new AtomicReference<>();
    private final AtomicBoolean producing = new AtomicBoolean(true);
    private final Thread thread;

    private SteadyProducer(Properties client, String topic) {
        thread = new Thread(() -> produce(client, topic), "steady-producer");
    }

    /** Starts producing and returns once the brokers acknowledged the first 400 records. */
    static SteadyProducer start(Properties client, String topic) {
        SteadyProducer producer = new SteadyProducer(client, topic);
        producer.thread.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> producer.acked.size() > 400);
        return producer;
    }

    /** Stops and waits until every record sent is acknowledged or failed. */
    @Override
    public void close() throws InterruptedException {
        producing.set(false);
        thread.join(Duration.ofSeconds(60).toMillis());
    }

    Set<String> acked() {
        return acked;
    }

    /** The first send the brokers refused, or null. */
    Exception error() {
        return error.get();
    }

    private void produce(Properties client, String topic) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; producing.get(); i++) {
                String value = Integer.toString(i);
                producer.send(new ProducerRecord<>(topic, value, value), (metadata, e) -> {
                    if (e == null) {
                        acked.add(value);
                    } else {
                        error.compareAndSet(null, e);
                    }
                });
                Thread.sleep(5);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
