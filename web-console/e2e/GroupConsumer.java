// A real Kafka consumer for the e2e suite's consumer-group steps, run in source-file mode with
// the broker distribution's kafka-clients on the class path:
//   java -cp 'kafka/libs/*' GroupConsumer.java <bootstrap> <topic> <group> <messages> [client.properties]
// The optional properties file (e.g. the console's SASL client properties with a user filled in) is
// applied first; the arguments and the settings below win over it. It joins the group, reads from the earliest offset until it has read <messages> messages,
// commits, prints "COMMITTED <n>" once, and keeps its membership (the group stays active) until SIGTERM; then it
// leaves the group cleanly, so the group becomes empty at once.
import java.io.FileReader;
import java.io.Reader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

public class GroupConsumer {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        if (args.length > 4) {
            try (Reader reader = new FileReader(args[4])) {
                props.load(reader);
            }
        }
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, args[2]);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                closed.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            consumer.subscribe(List.of(args[1]));
            long expected = Long.parseLong(args[3]);
            long read = 0;
            boolean reported = false;
            while (true) {
                read += consumer.poll(Duration.ofMillis(500)).count();
                if (read >= expected && !reported) {
                    consumer.commitSync();
                    System.out.println("COMMITTED " + read);
                    System.out.flush();
                    reported = true;
                }
            }
        } catch (WakeupException stopping) {
            // SIGTERM: leave the group
        } catch (RuntimeException e) {
            // printed here: the JDK's source launcher can fail while trimming the trace of an exception from main
            System.out.println("FAILED " + e);
            System.out.flush();
        } finally {
            consumer.close();
            closed.countDown();
        }
    }
}
