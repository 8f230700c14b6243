package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredStateParserTest {

    @Test
    void parsesTheDocumentedExampleAndIgnoresUnknownFields() {
        DesiredState state = TestStates.parse(TestStates.combined());

        assertThat(state.hostId()).isEqualTo("host-1");
        assertThat(state.generation()).isEqualTo(3);
        assertThat(state.action()).isEqualTo(DesiredState.Action.RUN);
        assertThat(state.processRoles()).containsExactly("broker", "controller");
        assertThat(state.clientListener().name()).isEqualTo("CLIENT");
        assertThat(state.listeners()).hasSize(3);
        assertThat(state.brokerSettings()).containsEntry("num.io.threads", "8");
        assertThat(state.jvm()).isEqualTo(new DesiredState.Jvm(512, List.of("-XX:+UseG1GC")));
    }

    @Test
    void numbersAndBooleansInSettingsBecomeStrings() {
        Map<String, Object> doc = TestStates.combined();
        TestStates.settings(doc, "brokerSettings").put("num.io.threads", 8);
        TestStates.settings(doc, "brokerSettings").put("auto.create.topics.enable", false);

        assertThat(TestStates.parse(doc).brokerSettings())
                .containsEntry("num.io.threads", "8").containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void rejectsUnsafeKafkaVersionBecauseItNamesADirectory() {
        Map<String, Object> doc = TestStates.combined();
        doc.put("kafkaVersion", "../../etc");

        assertThatThrownBy(() -> TestStates.parse(doc)).hasMessageContaining("kafkaVersion");
    }

    @Test
    void rejectsMissingFieldsUnknownActionsAndHeapFlagsInJvmOptions() {
        Map<String, Object> noCluster = TestStates.combined();
        noCluster.remove("clusterId");
        Map<String, Object> badAction = TestStates.combined();
        badAction.put("action", "DANCE");
        Map<String, Object> heapOption = TestStates.combined();
        heapOption.put("jvm", Map.of("heapMb", 512, "options", List.of("-Xmx8g")));

        assertThatThrownBy(() -> TestStates.parse(noCluster)).hasMessage("missing field 'clusterId'");
        assertThatThrownBy(() -> TestStates.parse(badAction)).hasMessageContaining("RUN or STOP");
        assertThatThrownBy(() -> TestStates.parse(heapOption)).hasMessageContaining("-Xmx8g");
    }

    @Test
    void controllerNodeNeedsItsControllerListenerAndBrokerOnlyNodeMustNotHaveIt() {
        Map<String, Object> controllerWithout = TestStates.combined();
        controllerWithout.put("listeners", List.of(TestStates.listener("CLIENT", 1), TestStates.listener("INTERNAL", 2)));
        Map<String, Object> brokerWith = TestStates.combined();
        brokerWith.put("processRoles", List.of("broker"));

        assertThatThrownBy(() -> TestStates.parse(controllerWithout)).hasMessageContaining("lacks the controller listener");
        assertThatThrownBy(() -> TestStates.parse(brokerWith)).hasMessageContaining("must not have the controller listener");
    }

    @Test
    void storageIsOptionalAndItsWatermarksDefault() {
        Map<String, Object> guarded = TestStates.combined();
        guarded.put("storage", Map.of("limitBytes", 104857600, "capacityPolicy", "PRODUCE_REJECT"));
        Map<String, Object> explicit = TestStates.combined();
        explicit.put("storage", Map.of("limitBytes", 1000, "capacityPolicy", "TIME_BASE", "highWatermark", 0.9,
                "lowWatermark", 0.5));

        assertThat(TestStates.parse(TestStates.combined()).storage()).isNull();
        assertThat(TestStates.parse(guarded).storage()).isEqualTo(new DesiredState.Storage(104857600,
                DesiredState.CapacityPolicy.PRODUCE_REJECT, 0.95, 0.85));
        assertThat(TestStates.parse(explicit).storage()).isEqualTo(new DesiredState.Storage(1000,
                DesiredState.CapacityPolicy.TIME_BASE, 0.9, 0.5));
    }

    @Test
    void rejectsBadStorage() {
        Map<String, Object> noLimit = TestStates.combined();
        noLimit.put("storage", Map.of("capacityPolicy", "PRODUCE_REJECT"));
        Map<String, Object> badPolicy = TestStates.combined();
        badPolicy.put("storage", Map.of("limitBytes", 10, "capacityPolicy", "PANIC"));
        Map<String, Object> lowAboveHigh = TestStates.combined();
        lowAboveHigh.put("storage", Map.of("limitBytes", 10, "capacityPolicy", "PRODUCE_REJECT",
                "highWatermark", 0.8, "lowWatermark", 0.9));

        assertThatThrownBy(() -> TestStates.parse(noLimit)).hasMessage("missing field 'limitBytes'");
        assertThatThrownBy(() -> TestStates.parse(badPolicy)).hasMessageContaining("TIME_BASE or PRODUCE_REJECT");
        assertThatThrownBy(() -> TestStates.parse(lowAboveHigh)).hasMessageContaining("0 < lowWatermark < highWatermark");
    }
}
