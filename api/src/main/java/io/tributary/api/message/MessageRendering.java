package io.tributary.api.message;

import io.tributary.api.generated.model.MessageDto;
import io.tributary.api.generated.model.MessageEncodingDto;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A record as the API shows it: text or JSON as is, other bytes base64, values capped at 64 KiB. */
final class MessageRendering {

    static final int MAX_VALUE_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessageRendering() {
    }

    static MessageDto render(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        MessageDto m = new MessageDto().partition(r.partition()).offset(r.offset())
                .timestamp(Instant.ofEpochMilli(r.timestamp()).atOffset(ZoneOffset.UTC))
                .key(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8))
                .headers(headers)
                .valueSize(r.value() == null ? 0 : r.value().length);
        byte[] value = r.value();
        if (value == null) {
            return m.value(null).valueEncoding(MessageEncodingDto.TEXT).truncated(false);
        }
        boolean truncated = value.length > MAX_VALUE_BYTES;
        byte[] shown = truncated ? Arrays.copyOf(value, MAX_VALUE_BYTES) : value;
        String text = utf8(shown, truncated);
        if (text == null) {
            return m.value(Base64.getEncoder().encodeToString(shown)).valueEncoding(MessageEncodingDto.BASE64)
                    .truncated(truncated);
        }
        return m.value(text).valueEncoding(!truncated && isJson(text) ? MessageEncodingDto.JSON : MessageEncodingDto.TEXT)
                .truncated(truncated);
    }

    /** The bytes as UTF-8, or null if they are not text; a cut value may end mid-character. */
    static String utf8(byte[] bytes, boolean mayEndMidCharacter) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            if (mayEndMidCharacter && bytes.length > 4) {
                return utf8(Arrays.copyOf(bytes, bytes.length - 1), true);
            }
            return null;
        }
    }

    static boolean isJson(String text) {
        String t = text.strip();
        if (t.isEmpty() || (t.charAt(0) != '{' && t.charAt(0) != '[')) {
            return false;
        }
        try {
            JSON.readTree(t);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    /** Rough size of a rendered message in a response. */
    static int approximateSize(MessageDto m) {
        return 200 + (m.getValue() == null ? 0 : m.getValue().length()) + (m.getKey() == null ? 0 : m.getKey().length());
    }
}
