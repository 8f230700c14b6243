import java.util.List;

import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.metadata.RemoveUserScramCredentialRecord;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.image.ScramDelta;
import org.apache.kafka.image.ScramImage;

/**
 * What a restarted node does with the SCRAM records of its metadata log, without a cluster: it replays them all
 * into one ScramDelta on the empty image and applies it. Prints the users left in the resulting image.
 * Usage: java -cp <kafka classpath> ScramDeltaCheck.java [+user|-user]...   (+ upsert, - delete, in log order)
 */
public class ScramDeltaCheck {

    public static void main(String[] args) {
        List<String> ops = args.length > 0 ? List.of(args)
                : List.of("+admin", "+alice", "+bobby", "-bobby", "+alice");
        byte mechanism = ScramMechanism.SCRAM_SHA_512.type();
        ScramDelta delta = new ScramDelta(ScramImage.EMPTY);
        for (String op : ops) {
            String user = op.substring(1);
            if (op.startsWith("+")) {
                delta.replay(new UserScramCredentialRecord().setName(user).setMechanism(mechanism)
                        .setSalt(new byte[16]).setStoredKey(new byte[64]).setServerKey(new byte[64]).setIterations(4096));
            } else {
                delta.replay(new RemoveUserScramCredentialRecord().setName(user).setMechanism(mechanism));
            }
        }
        ScramImage image = delta.apply();
        System.out.println("log " + String.join(" ", ops) + " -> delta order " + delta.changes()
                .getOrDefault(ScramMechanism.SCRAM_SHA_512, java.util.Map.of()).keySet()
                + " -> users in image " + image.mechanisms()
                .getOrDefault(ScramMechanism.SCRAM_SHA_512, java.util.Map.of()).keySet());
    }
}
