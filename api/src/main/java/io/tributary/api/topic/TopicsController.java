package io.tributary.api.topic;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.generated.TopicsApi;
import io.tributary.api.generated.model.TopicCreateDto;
import io.tributary.api.generated.model.TopicDto;
import io.tributary.api.generated.model.TopicPageDto;
import io.tributary.api.generated.model.TopicUpdateDto;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Access is checked by ProjectAccessInterceptor; the instance must belong to the project. */
@RestController
class TopicsController implements TopicsApi {

    private final TopicService topics;
    private final AuditContext audit;

    TopicsController(TopicService topics, AuditContext audit) {
        this.topics = topics;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<TopicPageDto> listTopics(UUID project, UUID instance, Integer page, Integer size, String q,
                                                   Boolean includeInternal) {
        return ResponseEntity.ok(topics.list(project, instance, page, size, q, Boolean.TRUE.equals(includeInternal)));
    }

    @Override
    public ResponseEntity<TopicDto> createTopic(UUID project, UUID instance, TopicCreateDto body) {
        TopicDto created = topics.create(project, instance, body);
        audit.resource(instance + "/" + created.getName());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/instances/" + instance + "/topics/"
                + created.getName())).body(created);
    }

    @Override
    public ResponseEntity<TopicDto> getTopic(UUID project, UUID instance, String topic) {
        return ResponseEntity.ok(topics.get(project, instance, topic));
    }

    @Override
    public ResponseEntity<TopicDto> updateTopic(UUID project, UUID instance, String topic, TopicUpdateDto body) {
        audit.resource(instance + "/" + topic);
        return ResponseEntity.ok(topics.update(project, instance, topic, body));
    }

    @Override
    public ResponseEntity<Void> deleteTopic(UUID project, UUID instance, String topic) {
        audit.resource(instance + "/" + topic);
        topics.delete(project, instance, topic);
        return ResponseEntity.noContent().build();
    }
}
