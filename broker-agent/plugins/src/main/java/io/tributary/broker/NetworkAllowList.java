package io.tributary.broker;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client networks allowed to use the client listener: CIDR blocks, one per line, in a file the agent
 * writes from the instance's network rules. No file or no line allows every address. The file is looked at
 * at most once per second and re-read when it was replaced. A file that cannot be read keeps the last rules.
 */
final class NetworkAllowList {

    private static final Logger log = LoggerFactory.getLogger(NetworkAllowList.class);
    static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    record Block(byte[] network, int prefix) {

        static Block parse(String cidr) throws UnknownHostException {
            int slash = cidr.indexOf('/');
            InetAddress address = InetAddress.getByName(cidr.substring(0, slash)); // a literal: no DNS lookup
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > address.getAddress().length * 8) {
                throw new UnknownHostException("prefix out of range: " + cidr);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            if (prefix == 0) {
                return true;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final ReplacedFile file;
    private final LongSupplier nanoTime;
    private volatile List<Block> blocks = List.of();
    private volatile long nextCheck;
    private volatile boolean checkedOnce;

    NetworkAllowList(Path file, LongSupplier nanoTime) {
        this.file = new ReplacedFile(file);
        this.nanoTime = nanoTime;
    }

    /** Whether a client at {@code address} may use the client listener. */
    boolean allows(InetAddress address) {
        List<Block> current = current();
        if (current.isEmpty()) {
            return true;
        }
        for (Block block : current) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private List<Block> current() {
        long now = nanoTime.getAsLong();
        if (checkedOnce && now - nextCheck < 0) {
            return blocks;
        }
        synchronized (this) {
            if (!checkedOnce || now - nextCheck >= 0) {
                reload();
                nextCheck = now + CHECK_INTERVAL_NANOS;
                checkedOnce = true;
            }
            return blocks;
        }
    }

    private void reload() {
        try {
            if (!file.changed()) {
                return;
            }
            List<Block> loaded = new ArrayList<>();
            if (Files.exists(file.path())) {
                for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        loaded.add(Block.parse(line.trim()));
                    }
                }
            }
            blocks = List.copyOf(loaded);
            log.info("Client networks allowed: {}", loaded.isEmpty() ? "all" : loaded.size() + " blocks from " + file.path());
        } catch (IOException | RuntimeException e) {
            file.forget();
            log.warn("Cannot read the allowed networks from {}; keeping the last rules: {}", file.path(), e.toString());
        }
    }
}
