import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Tries a SCRAM-SHA-512 login against one broker, per user, until it works or the time is up.
 * Usage: java -cp <kafka classpath> ScramLogin.java <bootstrap> <seconds> <user>=<password>...
 * Prints one line per user: "LOGIN <user> OK after <n> s" or "LOGIN <user> FAILED for <n> s: <last error>".
 * Exits 0 when every user got in, 1 otherwise.
 */
public class ScramLogin {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long seconds = Long.parseLong(args[1]);
        List<String[]> users = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            users.add(args[i].split("=", 2));
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        Map<String, String> lastError = new LinkedHashMap<>();
        Map<String, Long> okAfter = new LinkedHashMap<>();
        // every user is tried in each round, so each one gets the whole time
        while (okAfter.size() < users.size()) {
            for (String[] user : users) {
                if (!okAfter.containsKey(user[0])) {
                    String error = tryLogin(bootstrap, user[0], user[1]);
                    if (error == null) {
                        okAfter.put(user[0], TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
                    } else {
                        lastError.put(user[0], error);
                    }
                }
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            Thread.sleep(2000);
        }
        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        for (String[] user : users) {
            System.out.println(okAfter.containsKey(user[0])
                    ? "LOGIN " + user[0] + " OK after " + okAfter.get(user[0]) + " s"
                    : "LOGIN " + user[0] + " FAILED for " + waited + " s: " + lastError.get(user[0]));
        }
        System.exit(okAfter.size() == users.size() ? 0 : 1);
    }

    /** @return null when the login worked, else the error */
    private static String tryLogin(String bootstrap, String user, String password) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put("reconnect.backoff.max.ms", "1000");
        try (Admin admin = Admin.create(props)) {
            // the first request goes to the bootstrap broker, which authenticates the connection
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000)).clusterId().get(6, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
