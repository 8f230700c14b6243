package io.tributary.api.instance;

import io.tributary.api.generated.model.BrokerSettingDto;
import io.tributary.provisioning.desired.DynamicBrokerSettings;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;

/** The tunable broker settings as the API publishes them: Kafka's type, our range, and whether a change restarts. */
public final class BrokerSettingsCatalog {

    private static final List<BrokerSettingDto> ALL = TunableBrokerSettings.all().stream()
            .map(BrokerSettingsCatalog::toDto).toList();

    private BrokerSettingsCatalog() {
    }

    public static List<BrokerSettingDto> all() {
        return ALL;
    }

    private static BrokerSettingDto toDto(TunableBrokerSettings.Tunable t) {
        Object kafkaDefault = t.kafka().defaultValue;
        return new BrokerSettingDto()
                .name(t.key())
                .type(t.kafka().type.name())
                .dynamic(DynamicBrokerSettings.isDynamic(t.key()))
                .orderBound(TunableBrokerSettings.orderBound(t.key()).isPresent())
                .min(t.hasRange() ? t.min() : null)
                .max(t.hasRange() ? t.max() : null)
                .defaultValue(kafkaDefault == null || kafkaDefault == ConfigDef.NO_DEFAULT_VALUE ? null : String.valueOf(kafkaDefault))
                .documentation(t.kafka().documentation);
    }
}
