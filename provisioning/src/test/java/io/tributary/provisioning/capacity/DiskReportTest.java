package io.tributary.provisioning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiskReportTest {

    @Test
    void readsTheAgentsDiskReport() {
        var report = DiskReport.of("{\"generation\":3,\"disk\":{\"usedBytes\":950,\"limitBytes\":1000,\"produceRejected\":true}}")
                .orElseThrow();
        assertThat(report.usage()).isEqualTo(0.95);
        assertThat(report.produceRejected()).isTrue();
        assertThat(report.describe()).startsWith("95% full");
    }

    @Test
    void noReportWithoutALimit() {
        assertThat(DiskReport.of("{\"generation\":3}")).isEmpty();
        assertThat(DiskReport.of(null)).isEmpty();
    }
}
