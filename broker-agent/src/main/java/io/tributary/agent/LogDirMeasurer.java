package io.tributary.agent;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums the sizes of the files under the broker's log dir. The offset and time indexes of each partition's
 * active (newest) segment are left out: Kafka preallocates them sparse to {@code log.index.size.max.bytes}
 * (10 MB by default) and trims them on roll, so their apparent size says nothing about the disk used.
 * Files that vanish during the walk (segments being deleted) are skipped.
 */
final class LogDirMeasurer implements DiskGuard.Measurer {

    /** Segment files: the 20-digit base offset, then the kind. */
    private static final Pattern SEGMENT_FILE = Pattern.compile("(\\d{20})\\.(log|index|timeindex)");

    private final Path logDir;

    LogDirMeasurer(Path logDir) {
        this.logDir = logDir;
    }

    @Override
    public long usedBytes() throws IOException {
        if (!Files.isDirectory(logDir)) {
            return 0;
        }
        long[] total = {0};
        Deque<Map<String, Long>> dirs = new ArrayDeque<>();
        Files.walkFileTree(logDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                dirs.push(new HashMap<>());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    dirs.peek().put(file.getFileName().toString(), attrs.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Map<String, Long> files = dirs.pop();
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                total[0] += dirBytes(files);
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /** One directory's files, minus the active segment's preallocated indexes. */
    static long dirBytes(Map<String, Long> files) {
        String newest = null;
        for (String name : files.keySet()) {
            Matcher m = SEGMENT_FILE.matcher(name);
            if (m.matches() && m.group(2).equals("log") && (newest == null || m.group(1).compareTo(newest) > 0)) {
                newest = m.group(1);
            }
        }
        long sum = 0;
        for (Map.Entry<String, Long> file : files.entrySet()) {
            if (newest != null && (file.getKey().equals(newest + ".index")
                    || file.getKey().equals(newest + ".timeindex"))) {
                continue;
            }
            sum += file.getValue();
        }
        return sum;
    }
}
