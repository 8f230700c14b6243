package io.tributary.api.config;

import java.util.Iterator;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.impl.NullsFailProvider;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as the contract types them, not as Jackson would guess: {@code "name": false} is not
 * the string "false", {@code "partitions": "3"} is not 3, and {@code null} is refused where the contract does not
 * declare a field nullable (an absent field is how a client leaves it out). Both become 400 problems through the
 * {@code ProblemHandler}, with the field named. Found by the contract fuzzer (negative_data_rejection).
 */
@Configuration
class JsonInputConfiguration {

    /** The package of the wire types generated from api/openapi.yaml. */
    static final String WIRE_TYPES = "io.tributary.api.generated.model";
    /** Request fields the contract declares {@code nullable: true} (class simple name + "." + JSON name). */
    static final Set<String> NULLABLE = Set.of("MessageProduceDto.key", "MessageProduceDto.value");

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("contract-nulls").setDeserializerModifier(new NonNullableFields()));
    }

    /** On the generated wire types, an explicit null fails unless the contract allows it. */
    static final class NonNullableFields extends ValueDeserializerModifier {

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier bean,
                                                     BeanDeserializerBuilder builder) {
            Class<?> type = bean.getBeanClass();
            if (!type.getPackageName().equals(WIRE_TYPES)) {
                return builder;
            }
            for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
                SettableBeanProperty property = it.next();
                if (!NULLABLE.contains(type.getSimpleName() + "." + property.getName())) {
                    builder.addOrReplaceProperty(property.withNullProvider(NullsFailProvider.constructForProperty(property)), true);
                }
            }
            return builder;
        }
    }
}
