package io.tributary.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.error.ApiException;
import io.tributary.api.generated.model.MessageEncodingDto;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class MessageQueryRulesTest {

    @Test
    void theModeFollowsFromTheParameters() {
        OffsetDateTime t = OffsetDateTime.now();
        assertThat(MessagesController.mode(0, 5L, null, null, null, null)).isEqualTo(MessageQuery.Mode.OFFSET);
        assertThat(MessagesController.mode(null, null, t, null, null, null)).isEqualTo(MessageQuery.Mode.TIME);
        assertThat(MessagesController.mode(null, null, t, null, "k", null)).isEqualTo(MessageQuery.Mode.SCAN);
        assertThat(MessagesController.mode(null, null, null, null, null, "x")).isEqualTo(MessageQuery.Mode.SCAN);
    }

    @Test
    void contradictoryOrEmptyQueriesAreRefused() {
        OffsetDateTime t = OffsetDateTime.now();
        assertThatThrownBy(() -> MessagesController.mode(null, 5L, null, null, null, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("partition");
        assertThatThrownBy(() -> MessagesController.mode(0, 5L, t, null, null, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> MessagesController.mode(null, null, null, null, null, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> MessagesController.mode(null, null, t, t.minusHours(1), null, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("after");
    }

    @Test
    void aCursorSurvivesTheRoundTripAndForgeriesAreRefused() {
        ScanCursor cursor = new ScanCursor(Map.of(0, 12L, 2, 40L), Map.of(0, 100L, 2, 90L));
        assertThat(ScanCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThatThrownBy(() -> ScanCursor.decode("not-a-cursor")).isInstanceOf(ApiException.class);
    }

    @Test
    void valuesAreShownAsJsonTextOrBase64() {
        assertThat(render("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).getValueEncoding()).isEqualTo(MessageEncodingDto.JSON);
        assertThat(render("{not json".getBytes(StandardCharsets.UTF_8)).getValueEncoding()).isEqualTo(MessageEncodingDto.TEXT);
        var binary = render(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(binary.getValueEncoding()).isEqualTo(MessageEncodingDto.BASE64);
        assertThat(binary.getValue()).isEqualTo("//4AAQ==");
        var big = render("x".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        assertThat(big.getTruncated()).isTrue();
        assertThat(big.getValue()).hasSize(MessageRendering.MAX_VALUE_BYTES);
        assertThat(big.getValueSize()).isEqualTo(100_000);
    }

    private static io.tributary.api.generated.model.MessageDto render(byte[] value) {
        return MessageRendering.render(new ConsumerRecord<>("t", 0, 0L, "k".getBytes(StandardCharsets.UTF_8), value));
    }
}
