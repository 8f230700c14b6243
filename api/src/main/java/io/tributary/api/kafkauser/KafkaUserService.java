package io.tributary.api.kafkauser;

import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import io.tributary.api.generated.model.KafkaUserCredentialsDto;
import io.tributary.api.generated.model.KafkaUserDto;
import io.tributary.api.generated.model.SaslMechanismDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.api.kafka.KafkaCalls;
import io.tributary.provisioning.desired.DesiredStateWriter;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.kafkauser.KafkaUser;
import io.tributary.provisioning.kafkauser.KafkaUserRepository;
import io.tributary.provisioning.kafkauser.ScramCredential;
import io.tributary.provisioning.kafkauser.ScramUsers;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * SASL users of an instance. Kafka gets each password as a SCRAM-SHA-512 credential (Admin API, through the
 * internal listener); the database and the brokers' PLAIN store get the same salted form. Kafka is written
 * first: a retried call after a crash finds the same state, and no password is kept anywhere.
 */
@Service
class KafkaUserService {

    static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9._-]{2,63}$");

    private final InstanceKafka kafka;
    private final KafkaUserRepository users;
    private final DesiredStateWriter desiredStates;
    private final Clock clock;

    KafkaUserService(InstanceKafka kafka, KafkaUserRepository users, DesiredStateWriter desiredStates, Clock clock) {
        this.kafka = kafka;
        this.users = users;
        this.desiredStates = desiredStates;
        this.clock = clock;
    }

    List<KafkaUserDto> list(UUID project, UUID instanceId) {
        Instance instance = saslInstance(kafka.visible(project, instanceId));
        return users.findByInstanceIdOrderByName(instance.getId()).stream().filter(u -> !KafkaUser.isPlatformUser(u.getName()))
                .map(u -> dto(instance, u)).toList();
    }

    KafkaUserDto get(UUID project, UUID instanceId, String name) {
        Instance instance = saslInstance(kafka.visible(project, instanceId));
        return dto(instance, find(instance, name));
    }

    KafkaUserCredentialsDto create(UUID project, UUID instanceId, String name, String givenPassword) {
        Instance instance = saslInstance(kafka.serving(project, instanceId));
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid(List.of(new FieldProblem("name",
                    "3 to 64 letters, digits, '.', '_' or '-', starting with a letter")));
        }
        if (KafkaUser.isReserved(name)) {
            throw ApiException.invalid(List.of(new FieldProblem("name", "names starting with 'tributary-' are reserved")));
        }
        String password = Passwords.chosenOrGenerated(givenPassword, "password");
        if (users.existsById(new KafkaUser.Key(instance.getId(), name))) {
            throw new ApiException(ErrorCode.NAME_TAKEN, "user " + name + " exists already");
        }
        ScramCredential credential = ScramCredential.of(password);
        upsert(instance, name, password, credential);
        users.save(new KafkaUser(instance.getId(), name, false, credential, clock.instant()));
        desiredStates.write(instance.getId());
        return new KafkaUserCredentialsDto().name(name).password(password);
    }

    KafkaUserCredentialsDto resetPassword(UUID project, UUID instanceId, String name, String givenPassword) {
        Instance instance = saslInstance(kafka.serving(project, instanceId));
        KafkaUser user = find(instance, name);
        String password = Passwords.chosenOrGenerated(givenPassword, "password");
        ScramCredential credential = ScramCredential.of(password);
        upsert(instance, name, password, credential);
        user.changePassword(credential, clock.instant());
        users.save(user);
        desiredStates.write(instance.getId());
        return new KafkaUserCredentialsDto().name(name).password(password);
    }

    void delete(UUID project, UUID instanceId, String name) {
        Instance instance = saslInstance(kafka.serving(project, instanceId));
        KafkaUser user = find(instance, name);
        if (user.isAdmin()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the admin user " + name + " cannot be deleted");
        }
        // never a SCRAM deletion (it makes restarted brokers lose every user, docs/security.md): the credential
        // becomes one nobody knows; the user is gone from our database, listings and the PLAIN store
        call(() -> ScramUsers.disable(kafka.admin(instance), name));
        users.delete(user);
        desiredStates.write(instance.getId());
    }

    private void upsert(Instance instance, String name, String password, ScramCredential credential) {
        call(() -> ScramUsers.upsert(kafka.admin(instance), name, password, credential));
    }

    private interface AdminCall {
        void run() throws ExecutionException, InterruptedException, TimeoutException;
    }

    /** Runs a SCRAM change (which waits on Kafka itself), turning Kafka's errors into the API's problems. */
    private static void call(AdminCall call) {
        KafkaCalls.call(() -> {
            call.run();
            return null;
        });
    }

    /** A tenant's user; the platform's reserved users (the login probe) are not found. */
    private KafkaUser find(Instance instance, String name) {
        if (KafkaUser.isPlatformUser(name)) {
            throw ApiException.notFound("user " + name);
        }
        return users.findById(new KafkaUser.Key(instance.getId(), name))
                .orElseThrow(() -> ApiException.notFound("user " + name));
    }

    private static Instance saslInstance(Instance instance) {
        if (!instance.isSasl()) {
            throw new ApiException(ErrorCode.INVALID_STATE,
                    "the instance uses PLAINTEXT: it has no SASL users; order SASL_SSL or SASL_PLAINTEXT for them");
        }
        return instance;
    }

    private static KafkaUserDto dto(Instance instance, KafkaUser u) {
        return new KafkaUserDto().name(u.getName()).admin(u.isAdmin())
                .mechanisms(instance.getSaslMechanisms().stream().map(SaslMechanismDto::fromValue).toList())
                .createdAt(u.getCreatedAt().atOffset(ZoneOffset.UTC))
                .passwordChangedAt(u.getPasswordChangedAt() == null ? null : u.getPasswordChangedAt().atOffset(ZoneOffset.UTC));
    }
}
