package io.tributary.api.operation;

import io.tributary.api.generated.model.OperationDto;
import io.tributary.api.generated.model.OperationStatusDto;
import io.tributary.api.generated.model.OperationTypeDto;
import io.tributary.provisioning.operation.Operation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

public final class OperationMapper {

    private OperationMapper() {
    }

    public static OperationDto toDto(Operation o) {
        return new OperationDto().id(o.getId()).instanceId(o.getInstanceId())
                .type(OperationTypeDto.fromValue(o.getType().name()))
                .status(OperationStatusDto.fromValue(o.getStatus().name()))
                .percent(o.getPercent()).currentStep(o.getCurrentStep()).detail(o.getDetail())
                .error(o.getError()).scheduledAt(utc(o.getScheduledAt()))
                .createdAt(utc(o.getCreatedAt())).updatedAt(utc(o.getUpdatedAt())).finishedAt(utc(o.getFinishedAt()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
