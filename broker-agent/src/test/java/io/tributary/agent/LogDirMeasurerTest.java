package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirMeasurerTest {

    @TempDir
    Path data;

    @Test
    void sumsAllFilesButTheActiveSegmentsPreallocatedIndexes() throws IOException {
        Path partition = Files.createDirectories(data.resolve("orders-0"));
        write(partition.resolve("00000000000000000000.log"), 1000);
        write(partition.resolve("00000000000000000000.index"), 16);
        write(partition.resolve("00000000000000000000.timeindex"), 24);
        write(partition.resolve("00000000000000000042.log"), 300);
        sparse(partition.resolve("00000000000000000042.index"), 10 * 1024 * 1024);
        sparse(partition.resolve("00000000000000000042.timeindex"), 10 * 1024 * 1024);
        write(partition.resolve("leader-epoch-checkpoint"), 5);
        write(data.resolve("meta.properties"), 100);
        Path deleted = Files.createDirectories(data.resolve("old-0.4f5e-delete"));
        write(deleted.resolve("00000000000000000000.log"), 2000);
        sparse(deleted.resolve("00000000000000000000.index"), 10 * 1024 * 1024);

        assertThat(new LogDirMeasurer(data).usedBytes()).isEqualTo(1000 + 16 + 24 + 300 + 5 + 100 + 2000);
    }

    @Test
    void missingLogDirIsEmpty() throws IOException {
        assertThat(new LogDirMeasurer(data.resolve("absent")).usedBytes()).isZero();
    }

    static void write(Path file, int bytes) throws IOException {
        Files.write(file, new byte[bytes]);
    }

    static void sparse(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }
}
