package io.tributary.provisioning.kafkauser;

import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.tls.ControlPlaneClients;
import io.tributary.provisioning.tls.InstanceTls;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The instance's CA and its SASL admin user during creation. The order's admin password is sealed in the
 * instance row until Kafka has the user's SCRAM credential; then only the salted form remains.
 * With the admin comes the platform's probe user ({@link KafkaUser#PROBE}): the control plane logs in with it to
 * check that each broker takes SASL logins, so its password stays sealed in the instance row.
 */
public class AdminUserSetup {

    private final InstanceRepository instances;
    private final KafkaUserRepository users;
    private final InstanceTls tls;
    private final ControlPlaneClients clients;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private static final SecureRandom RANDOM = new SecureRandom();

    public AdminUserSetup(InstanceRepository instances, KafkaUserRepository users, InstanceTls tls,
                          ControlPlaneClients clients, SecretCipher cipher, TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.users = users;
        this.tls = tls;
        this.clients = clients;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
    }

    public boolean exists(Instance instance) {
        return instance.getAdminUsername() != null
                && users.existsById(new KafkaUser.Key(instance.getId(), instance.getAdminUsername()));
    }

    /** The CA, and the admin user's salted credential (so the brokers' PLAIN store has it from the start). */
    public void prepare(UUID instanceId) {
        tx.executeWithoutResult(s -> {
            Instance instance = instances.findById(instanceId).orElseThrow();
            if (tls.ensureCa(instance)) {
                instances.save(instance);
            }
            if (instance.isSasl() && !exists(instance)) {
                String password = cipher.decrypt(instance.getAdminPasswordEncrypted());
                users.save(new KafkaUser(instanceId, instance.getAdminUsername(), true, ScramCredential.of(password),
                        clock.instant()));
            }
            if (instance.isSasl() && preparedProbe(instance)) {
                instances.save(instance);
            }
        });
    }

    /** A probe user and its sealed password when the instance has none (created before probes were); false if it has. */
    private boolean preparedProbe(Instance instance) {
        String password = randomPassword();
        return preparedProbe(instance, password, ScramCredential.of(password));
    }

    private boolean preparedProbe(Instance instance, String password, ScramCredential credential) {
        if (instance.getProbePasswordEncrypted() != null) {
            return false;
        }
        instance.setProbePasswordEncrypted(cipher.encrypt(password));
        users.save(new KafkaUser(instance.getId(), KafkaUser.PROBE, false, credential, clock.instant()));
        return true;
    }

    private static String randomPassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** The probe user's password, or null while the instance has no probe. */
    public String probePassword(Instance instance) {
        return instance.getProbePasswordEncrypted() == null ? null : cipher.decrypt(instance.getProbePasswordEncrypted());
    }

    /**
     * Gives a running instance that has no probe user one (instances created before probes): Kafka's SCRAM
     * credential first, then the database (a crash in between leaves an unused credential that the next try
     * overwrites); the caller rewrites the desired states for the brokers' PLAIN store.
     * @return whether a probe was added
     */
    public boolean ensureProbe(Instance instance) throws Exception {
        if (!instance.isSasl() || instance.getProbePasswordEncrypted() != null) {
            return false;
        }
        String password = randomPassword();
        ScramCredential credential = ScramCredential.of(password);
        try (Admin client = Admin.create(clients.properties(instance))) {
            ScramUsers.upsert(client, KafkaUser.PROBE, password, credential);
        }
        return Boolean.TRUE.equals(tx.execute(s -> {
            Instance fresh = instances.findById(instance.getId()).orElseThrow();
            if (!preparedProbe(fresh, password, credential)) {
                return false;
            }
            instances.save(fresh);
            return true;
        }));
    }

    private void upsertProbe(Instance instance, String internalBootstrap) throws Exception {
        KafkaUser probe = users.findById(new KafkaUser.Key(instance.getId(), KafkaUser.PROBE)).orElseThrow();
        try (Admin client = Admin.create(clients.properties(instance, internalBootstrap))) {
            ScramUsers.upsert(client, KafkaUser.PROBE, probePassword(instance), probe.credential());
        }
    }

    /** Gives Kafka the admin user's SCRAM credential, then forgets the sealed password. Idempotent. */
    public void create(Instance instance, String internalBootstrap) throws Exception {
        if (instance.getAdminPasswordEncrypted() == null) {
            return;
        }
        if (instance.getProbePasswordEncrypted() != null) {
            upsertProbe(instance, internalBootstrap);
        }
        KafkaUser admin = users.findById(new KafkaUser.Key(instance.getId(), instance.getAdminUsername())).orElseThrow();
        String password = cipher.decrypt(instance.getAdminPasswordEncrypted());
        try (Admin client = Admin.create(clients.properties(instance, internalBootstrap))) {
            ScramUsers.upsert(client, admin.getName(), password, admin.credential());
        }
        tx.executeWithoutResult(s -> {
            Instance fresh = instances.findById(instance.getId()).orElseThrow();
            fresh.setAdminPasswordEncrypted(null);
            instances.save(fresh);
        });
    }
}
