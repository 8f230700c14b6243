package io.tributary.api.certificate;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.error.ApiException;
import io.tributary.api.generated.CertificatesApi;
import io.tributary.api.generated.model.OperationDto;
import io.tributary.api.kafka.InstanceKafka;
import io.tributary.api.operation.OperationMapper;
import io.tributary.provisioning.instance.Instance;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The instance's CA certificate and the rotation of its brokers' certificates. Access is checked by ProjectAccessInterceptor. */
@RestController
class CertificatesController implements CertificatesApi {

    private static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final InstanceKafka kafka;
    private final CertificateRotationService rotations;
    private final AuditContext audit;

    CertificatesController(InstanceKafka kafka, CertificateRotationService rotations, AuditContext audit) {
        this.kafka = kafka;
        this.rotations = rotations;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<OperationDto> rotateInstanceCertificates(UUID project, UUID instance) {
        audit.resource(instance.toString());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(OperationMapper.toDto(rotations.rotate(project, instance)));
    }

    @Override
    public ResponseEntity<String> getInstanceCaCertificate(UUID project, UUID instance) {
        Instance i = kafka.visible(project, instance);
        if (i.getCaCertificate() == null) {
            throw ApiException.notFound("CA certificate of instance " + instance + " (it is made during creation)");
        }
        return ResponseEntity.ok().contentType(PEM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(i.getName() + "-ca.pem", StandardCharsets.UTF_8).build().toString())
                .body(i.getCaCertificate());
    }
}
