package io.tributary.agent;

import io.tributary.agent.DesiredState.Action;
import io.tributary.agent.DesiredState.CapacityPolicy;
import io.tributary.agent.DesiredState.Jvm;
import io.tributary.agent.DesiredState.Listener;
import io.tributary.agent.DesiredState.Sasl;
import io.tributary.agent.DesiredState.SaslUser;
import io.tributary.agent.DesiredState.Storage;
import io.tributary.agent.DesiredState.Tls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the desired-state document ({@code GET .../desired-state}, docs/agent-api.md) into a {@link DesiredState}
 * and checks every field. Unknown fields are ignored, so the control plane can add fields without breaking old
 * agents.
 */
final class DesiredStateParser {

    /** Kafka versions name a directory under the distribution: keep them to safe characters. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final List<String> ROLES = List.of("broker", "controller");

    private DesiredStateParser() {
    }

    /**
     * Parses and validates a desired-state document.
     *
     * @throws IllegalArgumentException when a field is missing or wrong; the message names it
     */
    static DesiredState parse(String json) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("desired state is not a JSON object: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException("desired state is empty");
        }
        Action action;
        String rawAction = Json.requiredString(root, "action");
        try {
            action = Action.valueOf(rawAction);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'action' must be RUN or STOP, got " + rawAction);
        }
        String version = Json.requiredString(root, "kafkaVersion");
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("field 'kafkaVersion' is not a version: " + version);
        }
        List<String> roles = new ArrayList<>();
        for (Object role : Json.list(root, "processRoles")) {
            if (!ROLES.contains(String.valueOf(role)) || roles.contains(String.valueOf(role))) {
                throw new IllegalArgumentException("field 'processRoles' holds an unknown or repeated role: " + role);
            }
            roles.add(String.valueOf(role));
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("field 'processRoles' must name broker and/or controller");
        }
        List<Listener> listeners = parseListeners(root);
        String controllerListener = Json.requiredString(root, "controllerListener");
        String interBrokerListener = roles.contains("broker") ? Json.requiredString(root, "interBrokerListener")
                : String.valueOf(root.getOrDefault("interBrokerListener", ""));
        long nodeId = Json.requiredLong(root, "nodeId");
        if (nodeId < 0 || nodeId > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("field 'nodeId' out of range: " + nodeId);
        }
        DesiredState state = new DesiredState(
                Json.requiredString(root, "hostId"),
                Json.requiredLong(root, "generation"),
                action,
                version,
                (int) nodeId,
                roles,
                Json.requiredString(root, "clusterId"),
                Json.requiredString(root, "controllerQuorumVoters"),
                Json.requiredString(root, "rack"),
                listeners,
                interBrokerListener,
                controllerListener,
                stringMap(root, "brokerSettings"),
                stringMap(root, "userSettings"),
                parseJvm(root),
                parseStorage(root),
                parseTls(root),
                parseSasl(root),
                parseCidrs(root),
                String.valueOf(root.getOrDefault("restartNonce", "")));
        checkListenerRoles(state);
        return state;
    }

    private static void checkListenerRoles(DesiredState state) {
        String controllerListener = state.controllerListener();
        String interBrokerListener = state.interBrokerListener();
        if (state.isController() && state.listener(controllerListener).isEmpty()) {
            throw new IllegalArgumentException("controller node lacks the controller listener " + controllerListener);
        }
        if (!state.isController() && state.listener(controllerListener).isPresent()) {
            throw new IllegalArgumentException("broker-only node must not have the controller listener "
                    + controllerListener);
        }
        if (state.isBroker() && (interBrokerListener.equals(controllerListener)
                || state.listener(interBrokerListener).isEmpty())) {
            throw new IllegalArgumentException("interBrokerListener " + interBrokerListener
                    + " must be one of the non-controller listeners");
        }
        if (state.isBroker() && state.clientListener().name().equals(controllerListener)) {
            throw new IllegalArgumentException("the first (client) listener must not be the controller listener");
        }
    }

    private static List<Listener> parseListeners(Map<String, Object> root) {
        List<Listener> listeners = new ArrayList<>();
        for (Object item : Json.list(root, "listeners")) {
            if (!(item instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("field 'listeners' must hold objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) item;
            String name = Json.requiredString(map, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("listener name must be upper case A-Z 0-9 _: " + name);
            }
            long port = Json.requiredLong(map, "port");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("listener " + name + " port out of range: " + port);
            }
            String protocol = Json.requiredString(map, "securityProtocol");
            if (!List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL").contains(protocol)) {
                throw new IllegalArgumentException("listener " + name + " has unknown securityProtocol " + protocol);
            }
            if (listeners.stream().anyMatch(l -> l.name().equals(name) || l.port() == port)) {
                throw new IllegalArgumentException("listener " + name + " repeats a name or port");
            }
            listeners.add(new Listener(name, (int) port, protocol, Json.requiredString(map, "advertisedHost")));
        }
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("field 'listeners' must not be empty");
        }
        return listeners;
    }

    private static Map<String, String> stringMap(Map<String, Object> root, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        Json.object(root, field).forEach((key, value) -> {
            if (value == null || value instanceof Map || value instanceof List) {
                throw new IllegalArgumentException(field + "." + key + " must be a string, number or boolean");
            }
            out.put(key, value.toString());
        });
        return out;
    }

    private static Storage parseStorage(Map<String, Object> root) {
        Map<String, Object> storage = Json.object(root, "storage");
        if (root.get("storage") == null) {
            return null;
        }
        long limit = Json.requiredLong(storage, "limitBytes");
        if (limit <= 0) {
            throw new IllegalArgumentException("storage.limitBytes must be positive: " + limit);
        }
        String rawPolicy = Json.requiredString(storage, "capacityPolicy");
        CapacityPolicy policy;
        try {
            policy = CapacityPolicy.valueOf(rawPolicy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("storage.capacityPolicy must be TIME_BASE or PRODUCE_REJECT, got "
                    + rawPolicy);
        }
        double high = Json.optionalDouble(storage, "highWatermark", Storage.DEFAULT_HIGH_WATERMARK);
        double low = Json.optionalDouble(storage, "lowWatermark", Storage.DEFAULT_LOW_WATERMARK);
        if (!(low > 0 && low < high && high <= 1)) {
            throw new IllegalArgumentException("storage watermarks must satisfy 0 < lowWatermark < highWatermark <= 1,"
                    + " got " + low + " and " + high);
        }
        return new Storage(limit, policy, high, low);
    }

    private static final Pattern USER = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]{4,512}");
    private static final Pattern CIDR = Pattern.compile("[0-9A-Fa-f:.]{2,39}/\\d{1,3}");

    private static Tls parseTls(Map<String, Object> root) {
        if (root.get("tls") == null) {
            return null;
        }
        Map<String, Object> tls = Json.object(root, "tls");
        return new Tls(pem(tls, "caCertificate"), pem(tls, "certificateChain"), pem(tls, "privateKey"));
    }

    private static String pem(Map<String, Object> tls, String field) {
        String text = Json.requiredString(tls, field);
        if (!text.startsWith("-----BEGIN ")) {
            throw new IllegalArgumentException("tls." + field + " is not PEM");
        }
        return text;
    }

    private static Sasl parseSasl(Map<String, Object> root) {
        if (root.get("sasl") == null) {
            return null;
        }
        Map<String, Object> sasl = Json.object(root, "sasl");
        List<String> mechanisms = new ArrayList<>();
        for (Object m : Json.list(sasl, "mechanisms")) {
            if (!List.of("PLAIN", "SCRAM-SHA-512").contains(String.valueOf(m))) {
                throw new IllegalArgumentException("sasl.mechanisms holds an unknown mechanism: " + m);
            }
            mechanisms.add(String.valueOf(m));
        }
        if (mechanisms.isEmpty()) {
            throw new IllegalArgumentException("sasl.mechanisms must not be empty");
        }
        List<SaslUser> users = new ArrayList<>();
        for (Object item : Json.list(sasl, "users")) {
            if (!(item instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("sasl.users must hold objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> u = (Map<String, Object>) item;
            String name = Json.requiredString(u, "name");
            String salt = Json.requiredString(u, "salt");
            String storedKey = Json.requiredString(u, "storedKey");
            long iterations = Json.requiredLong(u, "iterations");
            if (!USER.matcher(name).matches() || !BASE64.matcher(salt).matches() || !BASE64.matcher(storedKey).matches()
                    || iterations < 4096 || iterations > 1_000_000) {
                throw new IllegalArgumentException("sasl.users entry is malformed: " + name);
            }
            users.add(new SaslUser(name, (int) iterations, salt, storedKey));
        }
        return new Sasl(mechanisms, users);
    }

    private static List<String> parseCidrs(Map<String, Object> root) {
        List<String> cidrs = new ArrayList<>();
        for (Object c : Json.list(Json.object(root, "network"), "allowedCidrs")) {
            String text = String.valueOf(c);
            if (!CIDR.matcher(text).matches()) {
                throw new IllegalArgumentException("network.allowedCidrs holds a malformed CIDR: " + text);
            }
            cidrs.add(text);
        }
        return cidrs;
    }

    private static Jvm parseJvm(Map<String, Object> root) {
        Map<String, Object> jvm = Json.object(root, "jvm");
        if (jvm.isEmpty()) {
            return Jvm.DEFAULT;
        }
        long heap = jvm.containsKey("heapMb") ? Json.requiredLong(jvm, "heapMb") : Jvm.DEFAULT.heapMb();
        if (heap < 64 || heap > 1_048_576) {
            throw new IllegalArgumentException("jvm.heapMb out of range: " + heap);
        }
        List<String> options = new ArrayList<>();
        for (Object option : Json.list(jvm, "options")) {
            String text = String.valueOf(option);
            if (!text.startsWith("-") || text.startsWith("-Xmx") || text.startsWith("-Xms") || text.startsWith("-cp")
                    || text.startsWith("-classpath") || text.startsWith("--class-path")
                    || text.startsWith("-Dorg.apache.kafka.automatic.config.providers")) {
                throw new IllegalArgumentException("jvm.options entry not allowed: " + text);
            }
            options.add(text);
        }
        return new Jvm((int) heap, options);
    }
}
