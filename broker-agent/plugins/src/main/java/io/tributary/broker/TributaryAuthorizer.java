package io.tributary.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.server.authorizer.Action;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;
import org.apache.kafka.server.authorizer.AuthorizationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's {@link StandardAuthorizer} plus the agent's disk-full switch: while the file named by
 * {@value #PRODUCE_REJECT_FILE_CONFIG} exists, {@code WRITE} on {@code TOPIC} resources is denied for
 * every principal, so produce requests (and transactional AddPartitionsToTxn) fail with
 * {@code TOPIC_AUTHORIZATION_FAILED}. With {@value #PLATFORM_PRINCIPALS_CONFIG} set, nobody else, super users
 * included, may alter the cluster or its configs ({@link #isPlatformOwned}). Everything else, reads included, is
 * decided by the standard authorizer as usual. Brokers and controllers never need topic WRITE among themselves (replication is
 * {@code CLUSTER_ACTION}, coordinators append to their internal topics directly), so they are unaffected.
 * The agent creates and deletes the file (docs/agent-api.md, {@code storage}); it is looked at at most once
 * per {@link #CHECK_INTERVAL_NANOS}.
 */
public class TributaryAuthorizer extends StandardAuthorizer {

    private static final Logger log = LoggerFactory.getLogger(TributaryAuthorizer.class);

    /** The file whose existence makes the broker reject produce requests (rendered by the agent). */
    public static final String PRODUCE_REJECT_FILE_CONFIG = "tributary.produce.reject.file";
    static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The file of allowed client networks (rendered by the agent), and the listener it applies to. */
    public static final String ALLOWED_CIDRS_FILE_CONFIG = "tributary.allowed.cidrs.file";
    public static final String CLIENT_LISTENER_CONFIG = "tributary.client.listener";

    /**
     * The principals (';'-separated, e.g. {@code User:CN=broker;User:CN=control-plane}) that alone may alter the
     * cluster and its configs. Not a listener rule: KRaft forwards such requests to the active controller, which
     * authorizes them with the caller's principal on its own listener.
     */
    public static final String PLATFORM_PRINCIPALS_CONFIG = "tributary.platform.principals";

    private final LongSupplier nanoTime;
    private volatile NetworkAllowList allowList;
    private volatile String clientListener;
    private volatile Set<String> platformPrincipals = Set.of();
    private volatile Path rejectFile;
    private volatile boolean rejecting;
    private volatile long nextCheck;
    private volatile boolean checkedOnce;

    public TributaryAuthorizer() {
        this(System::nanoTime);
    }

    TributaryAuthorizer(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        Object file = configs.get(PRODUCE_REJECT_FILE_CONFIG);
        rejectFile = file == null || file.toString().isBlank() ? null : Path.of(file.toString().trim());
        if (rejectFile == null) {
            log.warn("{} is not set: produce requests are never rejected for a full disk", PRODUCE_REJECT_FILE_CONFIG);
        } else {
            log.info("Produce requests are rejected while {} exists", rejectFile);
        }
        Object cidrs = configs.get(ALLOWED_CIDRS_FILE_CONFIG);
        Object listener = configs.get(CLIENT_LISTENER_CONFIG);
        if (cidrs != null && listener == null) {
            throw new org.apache.kafka.common.config.ConfigException(CLIENT_LISTENER_CONFIG
                    + " must name the client listener that " + ALLOWED_CIDRS_FILE_CONFIG + " limits");
        }
        Object platform = configs.get(PLATFORM_PRINCIPALS_CONFIG);
        if (platform != null && !platform.toString().isBlank()) {
            platformPrincipals = Arrays.stream(platform.toString().split(";")).map(String::trim)
                    .filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());
            log.info("Only {} may alter the cluster and its configs", platformPrincipals);
        }
        if (cidrs != null) {
            allowList = new NetworkAllowList(Path.of(cidrs.toString().trim()), nanoTime);
            clientListener = listener.toString().trim();
            log.info("Clients on listener {} are limited to the networks in {}", clientListener, cidrs);
        }
    }

    @Override
    public List<AuthorizationResult> authorize(AuthorizableRequestContext context, List<Action> actions) {
        if (outsideAllowedNetworks(context)) {
            return actions.stream().map(a -> AuthorizationResult.DENIED).toList();
        }
        List<AuthorizationResult> results = super.authorize(context, actions);
        boolean rejecting = rejectingProduce();
        boolean tenant = !platformPrincipals.isEmpty() && !platformPrincipals.contains(String.valueOf(context.principal()));
        if (!rejecting && !tenant) {
            return results;
        }
        List<AuthorizationResult> out = null;
        for (int i = 0; i < actions.size(); i++) {
            boolean deny = (rejecting && isTopicWrite(actions.get(i))) || (tenant && isPlatformOwned(actions.get(i)));
            if (deny && results.get(i) != AuthorizationResult.DENIED) {
                if (out == null) {
                    out = new ArrayList<>(results);
                }
                out.set(i, AuthorizationResult.DENIED);
            }
        }
        return out == null ? results : out;
    }

    /**
     * A request on the client listener from an address outside every allowed network. Only the client listener
     * is limited: the internal and controller listeners take nobody without a certificate of the instance CA.
     */
    boolean outsideAllowedNetworks(AuthorizableRequestContext context) {
        NetworkAllowList list = allowList;
        return list != null && clientListener.equals(context.listenerName()) && !list.allows(context.clientAddress());
    }

    /**
     * What only the platform's principals may do: alter broker and cluster configs (that would step around the
     * API's allow-list of tunable settings), SCRAM users, ACLs, quotas and reassignments, and inter-broker
     * actions. A tenant's super user goes through the API for these.
     */
    static boolean isPlatformOwned(Action action) {
        AclOperation op = action.operation();
        return action.resourcePattern().resourceType() == ResourceType.CLUSTER
                && (op == AclOperation.ALTER || op == AclOperation.ALTER_CONFIGS || op == AclOperation.CLUSTER_ACTION);
    }

    static boolean isTopicWrite(Action action) {
        return action.operation() == AclOperation.WRITE
                && action.resourcePattern().resourceType() == ResourceType.TOPIC;
    }

    /** Whether the reject file exists, looked up at most once per second. */
    boolean rejectingProduce() {
        Path file = rejectFile;
        if (file == null) {
            return false;
        }
        long now = nanoTime.getAsLong();
        if (checkedOnce && now - nextCheck < 0) {
            return rejecting;
        }
        synchronized (this) {
            if (!checkedOnce || now - nextCheck >= 0) {
                boolean exists = Files.exists(file);
                if (exists != rejecting) {
                    if (exists) {
                        log.warn("Rejecting produce requests (topic WRITE denied): {} exists, the disk is full", file);
                    } else {
                        log.info("Accepting produce requests again: {} is gone", file);
                    }
                }
                rejecting = exists;
                nextCheck = now + CHECK_INTERVAL_NANOS;
                checkedOnce = true;
            }
            return rejecting;
        }
    }
}
