package io.tributary.api.message;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import io.tributary.api.generated.MessagesApi;
import io.tributary.api.generated.model.MessagePositionDto;
import io.tributary.api.generated.model.MessageProduceDto;
import io.tributary.api.generated.model.MessageQueryResultDto;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
class MessagesController implements MessagesApi {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int EXPORT_MAX_SCAN = 5_000_000;
    private static final int EXPORT_MAX_MILLIS = 60_000;

    private final MessageService messages;
    private final AuditContext audit;
    private final JsonMapper json;

    MessagesController(MessageService messages, AuditContext audit, JsonMapper json) {
        this.messages = messages;
        this.audit = audit;
        this.json = json;
    }

    @Override
    public ResponseEntity<MessageQueryResultDto> queryMessages(UUID project, UUID instance, String topic, Integer partition,
                                                               Long offset, OffsetDateTime from, OffsetDateTime to,
                                                               String key, String contains, Integer limit, Integer maxScan,
                                                               Integer maxMillis, String cursor, UUID searchId) {
        MessageQuery.Mode mode = mode(partition, offset, from, to, key, contains);
        MessageQuery q = new MessageQuery(mode, partition, offset, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), key, contains, limit, maxScan, maxMillis, cursor);
        return ResponseEntity.ok(messages.query(project, instance, topic, q, searchId));
    }

    @Override
    public ResponseEntity<String> exportMessages(UUID project, UUID instance, String topic, Integer partition,
                                                 Long offset, OffsetDateTime from, OffsetDateTime to, Integer limit) {
        MessageQuery.Mode mode = mode(partition, offset, from, to, null, null);
        MessageQuery q = new MessageQuery(mode, partition, offset, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), null, null, limit, EXPORT_MAX_SCAN, EXPORT_MAX_MILLIS, null);
        String body = messages.export(project, instance, topic, q, json);
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(topic + ".jsonl").build().toString())
                .body(body);
    }

    @Override
    public ResponseEntity<Void> cancelMessageSearch(UUID project, UUID instance, UUID searchId) {
        if (!messages.cancel(project, instance, searchId)) {
            throw ApiException.notFound("running search " + searchId);
        }
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<MessagePositionDto> produceMessage(UUID project, UUID instance, String topic,
                                                             MessageProduceDto body) {
        audit.resource(instance + "/" + topic);
        return ResponseEntity.status(HttpStatus.CREATED).body(messages.produce(project, instance, topic, body));
    }

    static MessageQuery.Mode mode(Integer partition, Long offset, OffsetDateTime from, OffsetDateTime to, String key,
                                  String contains) {
        List<FieldProblem> problems = new ArrayList<>();
        MessageQuery.Mode mode;
        if (offset != null) {
            mode = MessageQuery.Mode.OFFSET;
            if (partition == null) {
                problems.add(new FieldProblem("partition", "is required with offset"));
            }
            if (from != null || to != null || key != null || contains != null) {
                problems.add(new FieldProblem("offset", "a window by offset takes no from, to, key or contains"));
            }
        } else if (key != null || contains != null) {
            mode = MessageQuery.Mode.SCAN;
        } else if (from != null) {
            mode = MessageQuery.Mode.TIME;
        } else {
            mode = null;
            problems.add(new FieldProblem("query", "give offset (with partition), from, key or contains"));
        }
        if (to != null && from != null && !to.isAfter(from)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return mode;
    }
}
