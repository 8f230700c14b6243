package io.tributary.api.kafka;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.tls.ControlPlaneClients;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Kafka clients for a user's instance, the only way instance operations reach the brokers. Admin
 * clients and producers are kept per instance (they are thread-safe and costly to start);
 * consumers are made per use. Clients of instances that stopped serving are closed.
 */
@Component
public class InstanceKafka {

    static final Duration API_TIMEOUT = Duration.ofSeconds(15);

    private final InstanceRepository instances;
    private final ControlPlaneClients controlPlane;
    private final Map<UUID, Clients> clients = new ConcurrentHashMap<>();

    public InstanceKafka(InstanceRepository instances, ControlPlaneClients controlPlane) {
        this.instances = instances;
        this.controlPlane = controlPlane;
    }

    /** The instance, which must be in the project (404 otherwise), whatever its state. */
    public Instance visible(UUID project, UUID instanceId) {
        return instances.findLive(project, instanceId)
                .orElseThrow(() -> ApiException.notFound("instance " + instanceId));
    }

    /** The instance, which must be in the project and have running brokers. */
    public Instance serving(UUID project, UUID instanceId) {
        Instance instance = instances.findLive(project, instanceId)
                .orElseThrow(() -> ApiException.notFound("instance " + instanceId));
        if (!instance.getStatus().isServing() || instance.getInternalBootstrapServers() == null) {
            throw new ApiException(ErrorCode.INVALID_STATE,
                    "the instance is " + instance.getStatus() + "; this needs a RUNNING instance");
        }
        return instance;
    }

    public Admin admin(Instance instance) {
        return clients(instance).admin;
    }

    public KafkaProducer<byte[], byte[]> producer(Instance instance) {
        return clients(instance).producer();
    }

    public KafkaConsumer<byte[], byte[]> newConsumer(Instance instance) {
        Properties p = base(instance);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-console-" + instance.getId());
        return new KafkaConsumer<>(p);
    }

    /**
     * Closes the clients of instances that stopped serving, and those made with a control-plane certificate that
     * has since been renewed (the next use makes new ones), so no client is left to reconnect with an expired one.
     */
    @Scheduled(fixedDelay = 60_000)
    public void closeUnused() {
        clients.forEach((id, c) -> {
            boolean current = instances.findById(id).map(i -> i.getStatus().isServing()
                    && c.matches(i.getInternalBootstrapServers(), controlPlane.certificate(i))).orElse(false);
            if (!current && clients.remove(id, c)) {
                c.close();
            }
        });
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(Clients::close);
        clients.clear();
    }

    /** The instance's clients, made again when its brokers moved or the control plane's certificate was renewed. */
    private Clients clients(Instance instance) {
        Properties base = base(instance);
        String bootstrap = instance.getInternalBootstrapServers();
        String certificate = base.getProperty(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG);
        Clients existing = clients.get(instance.getId());
        if (existing != null && existing.matches(bootstrap, certificate)) {
            return existing;
        }
        Clients[] replaced = new Clients[1];
        Clients result = clients.compute(instance.getId(), (id, now) -> {
            if (now != null && now.matches(bootstrap, certificate)) {
                return now;
            }
            replaced[0] = now;
            return new Clients(bootstrap, certificate, base);
        });
        if (replaced[0] != null) {
            replaced[0].close();
        }
        return result;
    }

    /** The brokers' internal listener with the control plane's certificate: users' ACLs and allow-lists do not apply. */
    private Properties base(Instance instance) {
        Properties p = controlPlane.properties(instance);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) API_TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return p;
    }

    private static final class Clients {
        final String bootstrap;
        final String certificate;
        final Admin admin;
        private final Properties base;
        private volatile KafkaProducer<byte[], byte[]> producer;

        Clients(String bootstrap, String certificate, Properties base) {
            this.bootstrap = bootstrap;
            this.certificate = certificate;
            this.base = base;
            Properties p = new Properties();
            p.putAll(base);
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-admin");
            this.admin = Admin.create(p);
        }

        synchronized KafkaProducer<byte[], byte[]> producer() {
            if (producer == null) {
                Properties p = new Properties();
                p.putAll(base);
                p.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
                p.put(ProducerConfig.ACKS_CONFIG, "all");
                p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
                p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
                p.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-console-producer");
                p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
                p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
                producer = new KafkaProducer<>(p);
            }
            return producer;
        }

        boolean matches(String bootstrap, String certificate) {
            return this.bootstrap.equals(bootstrap) && this.certificate.equals(certificate);
        }

        void close() {
            admin.close(Duration.ofSeconds(2));
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
        }
    }
}
