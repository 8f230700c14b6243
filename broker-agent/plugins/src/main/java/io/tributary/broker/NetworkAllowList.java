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
 * writes from the instance's network rules ({@code 0.0.0.0/0} and {@code ::/0} when every address may
 * connect). It fails closed: only a listed block lets a client in, so an empty, missing or unreadable file, or
 * one with a malformed line, refuses every client until a good file is in place. The file is looked at at
 * most once per second and re-read when it was replaced.
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
    /** The allowed blocks; empty = nobody (before the first read, and while the file is missing or bad). */
    private volatile List<Block> blocks = List.of();
    private volatile long nextCheck;
    private volatile boolean checkedOnce;
    private String refusalLogged;

    NetworkAllowList(Path file, LongSupplier nanoTime) {
        this.file = new ReplacedFile(file);
        this.nanoTime = nanoTime;
    }

    /** Whether a client at {@code address} may use the client listener. */
    boolean allows(InetAddress address) {
        for (Block block : current()) {
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
            if (!Files.exists(file.path())) {
                refuseAll("it is missing");
                return;
            }
            List<Block> loaded = new ArrayList<>();
            for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    loaded.add(Block.parse(line.trim()));
                }
            }
            if (loaded.isEmpty()) {
                refuseAll("it lists no network");
                return;
            }
            blocks = List.copyOf(loaded);
            refusalLogged = null;
            log.info("Client networks allowed: {} blocks from {}", loaded.size(), file.path());
        } catch (IOException | RuntimeException e) {
            file.forget(); // read again at the next check
            refuseAll("it cannot be read: " + e);
        }
    }

    private void refuseAll(String why) {
        blocks = List.of();
        if (!why.equals(refusalLogged)) {
            log.warn("Every client on the client listener is refused: the allowed networks file {} is not usable ({})",
                    file.path(), why);
            refusalLogged = why;
        }
    }
}
