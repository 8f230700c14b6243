package io.tributary.provisioning.kafkauser;

import io.tributary.provisioning.crypto.SecretCipher;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceRepository;
import io.tributary.provisioning.tls.ControlPlaneClients;
import io.tributary.provisioning.tls.InstanceTls;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The instance's CA and its SASL admin user during creation. The order's admin password is sealed in the
 * instance row until Kafka has the user's SCRAM credential; then only the salted form remains.
 */
public class AdminUserSetup {

    private final InstanceRepository instances;
    private final KafkaUserRepository users;
    private final InstanceTls tls;
    private final ControlPlaneClients clients;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;

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
        });
    }

    /** Gives Kafka the admin user's SCRAM credential, then forgets the sealed password. Idempotent. */
    public void create(Instance instance, String internalBootstrap) throws Exception {
        if (instance.getAdminPasswordEncrypted() == null) {
            return;
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
