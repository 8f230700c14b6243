package provider

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

const testInstanceID = "6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c"

// apiTopic is a topic as GET returns it: its own settings include the three that have
// their own field and one set by someone else (segment.ms).
func apiTopic() client.Topic {
	return *client.NewTopic("orders", 6, 3, false, *client.NewNullableInt32(client.PtrInt32(48)), true, false,
		map[string]string{
			"cleanup.policy":      "delete",
			"max.message.bytes":   "2097152",
			"segment.ms":          "3600000",
			"retention.ms":        "172800000",
			"min.insync.replicas": "2",
			"flush.messages":      "1",
		}, nil)
}

// topicState is the state of that topic as Terraform keeps it.
func topicState() topicModel {
	return topicModel{
		ID:                types.StringValue(testInstanceID + "/orders"),
		InstanceID:        types.StringValue(testInstanceID),
		Name:              types.StringValue("orders"),
		Partitions:        types.Int64Value(6),
		ReplicationFactor: types.Int64Value(3),
		RetentionHours:    types.Int64Value(48),
		SyncReplication:   types.BoolValue(true),
		SyncFlush:         types.BoolValue(false),
		Configs:           strMap(map[string]string{"cleanup.policy": "delete", "max.message.bytes": "2097152"}),
	}
}

func TestParseTopicID(t *testing.T) {
	instanceID, name, err := topicKind.parse(testInstanceID + "/orders.v1_x-y")
	if err != nil || instanceID != testInstanceID || name != "orders.v1_x-y" {
		t.Errorf("parse = %q, %q, %v", instanceID, name, err)
	}
	if got := topicKind.id(instanceID, name); got != testInstanceID+"/orders.v1_x-y" {
		t.Errorf("topicID = %q", got)
	}
	for _, bad := range []string{"", "orders", testInstanceID, testInstanceID + "/", "/orders", testInstanceID + "/a/b", " /orders"} {
		if _, _, err := topicKind.parse(bad); err == nil || !strings.Contains(err.Error(), "<instance_id>/<topic name>") {
			t.Errorf("topicKind.parse(%q) = %v, want an error naming the expected form", bad, err)
		}
	}
}

func TestFromTopic_keepsOnlyConfiguredKeysWithoutOwnFieldSettings(t *testing.T) {
	prior := topicState()
	prior.Configs = strMap(map[string]string{"cleanup.policy": "compact", "max.message.bytes": "2097152", "retention.bytes": "1000"})
	m, diags := fromTopic(context.Background(), testInstanceID, apiTopic(), prior)
	if diags.HasError() {
		t.Fatal(diags)
	}
	// The cluster's value for configured keys (drift shows as a diff), segment.ms set
	// elsewhere ignored, retention.bytes missing on the cluster dropped (the plan adds it).
	want := strMap(map[string]string{"cleanup.policy": "delete", "max.message.bytes": "2097152"})
	if !m.Configs.Equal(want) {
		t.Errorf("configs = %v, want %v", m.Configs, want)
	}
	if m.ID.ValueString() != testInstanceID+"/orders" || m.InstanceID.ValueString() != testInstanceID {
		t.Errorf("id = %v, instance_id = %v", m.ID, m.InstanceID)
	}
	if m.Partitions.ValueInt64() != 6 || m.ReplicationFactor.ValueInt64() != 3 || m.RetentionHours.ValueInt64() != 48 ||
		!m.SyncReplication.ValueBool() || m.SyncFlush.ValueBool() {
		t.Errorf("mapped %+v", m)
	}
}

func TestFromTopic_configsLeftOutStayNull(t *testing.T) {
	prior := topicState()
	prior.Configs = types.MapNull(types.StringType)
	m, diags := fromTopic(context.Background(), testInstanceID, apiTopic(), prior)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !m.Configs.IsNull() {
		t.Errorf("configs = %v, want null: the configuration does not manage them", m.Configs)
	}
}

func TestFromTopic_importAdoptsAllButOwnFieldSettings(t *testing.T) {
	imported := topicModel{
		ID:         types.StringValue(testInstanceID + "/orders"),
		InstanceID: types.StringValue(testInstanceID),
		Name:       types.StringValue("orders"),
		Configs:    types.MapNull(types.StringType),
	}
	m, diags := fromTopic(context.Background(), testInstanceID, apiTopic(), imported)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := strMap(map[string]string{"cleanup.policy": "delete", "max.message.bytes": "2097152", "segment.ms": "3600000"})
	if !m.Configs.Equal(want) {
		t.Errorf("configs = %v, want %v", m.Configs, want)
	}

	onlyOwn := apiTopic()
	onlyOwn.Configs = map[string]string{"retention.ms": "86400000"}
	m, _ = fromTopic(context.Background(), testInstanceID, onlyOwn, imported)
	if !m.Configs.IsNull() {
		t.Errorf("configs = %v, want null when the topic has no other settings", m.Configs)
	}
}

func TestFromTopic_unlimitedRetentionIsNull(t *testing.T) {
	topic := apiTopic()
	topic.RetentionHours = *client.NewNullableInt32(nil)
	m, _ := fromTopic(context.Background(), testInstanceID, topic, topicState())
	if !m.RetentionHours.IsNull() {
		t.Errorf("retention_hours = %v, want null", m.RetentionHours)
	}
}

func TestToTopicCreate_sendsOnlyWhatIsConfigured(t *testing.T) {
	plan := topicModel{
		ID:                types.StringUnknown(),
		InstanceID:        types.StringValue(testInstanceID),
		Name:              types.StringValue("orders"),
		Partitions:        types.Int64Value(3),
		ReplicationFactor: types.Int64Unknown(),
		RetentionHours:    types.Int64Value(24),
		SyncReplication:   types.BoolUnknown(),
		SyncFlush:         types.BoolValue(true),
		Configs:           strMap(map[string]string{"cleanup.policy": "delete"}),
	}
	order, diags := toTopicCreate(context.Background(), plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	got, _ := json.Marshal(order)
	want := `{"configs":{"cleanup.policy":"delete"},"name":"orders","partitions":3,"retentionHours":24,"syncFlush":true}`
	if string(got) != want {
		t.Errorf("create = %s\nwant     %s", got, want)
	}
}

func TestToTopicUpdate_sendsOnlyWhatChanged(t *testing.T) {
	state := topicState()
	plan := topicState()
	plan.Partitions = types.Int64Value(12)
	plan.RetentionHours = types.Int64Value(72)
	plan.Configs = strMap(map[string]string{"cleanup.policy": "compact", "max.message.bytes": "2097152", "compression.type": "lz4"})

	upd, dropped, diags := toTopicUpdate(context.Background(), plan, state)
	if diags.HasError() || upd == nil {
		t.Fatalf("update = %v, %v", upd, diags)
	}
	got, _ := json.Marshal(upd)
	want := `{"configs":{"cleanup.policy":"compact","compression.type":"lz4"},"partitions":12,"retentionHours":72}`
	if string(got) != want {
		t.Errorf("update = %s\nwant     %s", got, want)
	}
	if len(dropped) != 0 {
		t.Errorf("dropped = %v", dropped)
	}
}

func TestToTopicUpdate_syncFlags(t *testing.T) {
	plan := topicState()
	plan.SyncReplication = types.BoolValue(false)
	plan.SyncFlush = types.BoolValue(true)
	upd, _, _ := toTopicUpdate(context.Background(), plan, topicState())
	got, _ := json.Marshal(upd)
	if want := `{"syncFlush":true,"syncReplication":false}`; string(got) != want {
		t.Errorf("update = %s, want %s", got, want)
	}
}

func TestToTopicUpdate_droppedKeysAreReportedNotSent(t *testing.T) {
	plan := topicState()
	plan.Configs = types.MapNull(types.StringType)
	upd, dropped, diags := toTopicUpdate(context.Background(), plan, topicState())
	if diags.HasError() {
		t.Fatal(diags)
	}
	if upd != nil {
		got, _ := json.Marshal(upd)
		t.Errorf("update = %s, want none: the API cannot unset a setting", got)
	}
	if want := []string{"cleanup.policy", "max.message.bytes"}; !reflect.DeepEqual(dropped, want) {
		t.Errorf("dropped = %v, want %v", dropped, want)
	}
}

func TestToTopicUpdate_nothingChanged(t *testing.T) {
	plan := topicState()
	plan.RetentionHours = types.Int64Unknown() // omitted optional+computed, not yet planned
	if upd, dropped, _ := toTopicUpdate(context.Background(), plan, topicState()); upd != nil || dropped != nil {
		t.Errorf("update = %+v, dropped = %v, want nothing", upd, dropped)
	}
}

func TestTopicReflects(t *testing.T) {
	plan := topicState()
	plan.SyncReplication = types.BoolValue(true)
	if !topicReflects(apiTopic(), plan) {
		t.Error("the topic shows the plan, but topicReflects says no")
	}
	lagging := apiTopic()
	lagging.Partitions = 3
	if topicReflects(lagging, plan) {
		t.Error("3 partitions reflect a plan of 6")
	}
	lagging = apiTopic()
	lagging.Configs = map[string]string{"cleanup.policy": "compact", "max.message.bytes": "2097152"}
	if topicReflects(lagging, plan) {
		t.Error("cleanup.policy=compact reflects a plan of delete")
	}
	lagging = apiTopic()
	lagging.RetentionHours = *client.NewNullableInt32(client.PtrInt32(12))
	if topicReflects(lagging, plan) {
		t.Error("retention 12 reflects a plan of 48")
	}
	plan.RetentionHours = types.Int64Unknown()
	if !topicReflects(lagging, plan) {
		t.Error("an unknown retention must not be waited for")
	}
}

func TestValidateTopicConfigKeys(t *testing.T) {
	diags := validateTopicConfigKeys(strMap(map[string]string{"cleanup.policy": "delete", "retention.ms": "1000", "flush.messages": "1"}))
	if len(diags) != 2 {
		t.Fatalf("diagnostics = %v, want 2", diags)
	}
	all := ""
	for _, d := range diags {
		all += d.Detail() + "\n"
	}
	if !strings.Contains(all, "`retention_hours`") || !strings.Contains(all, "`sync_flush`") {
		t.Errorf("details name no attribute: %s", all)
	}
	if diags := validateTopicConfigKeys(strMap(map[string]string{"cleanup.policy": "delete"})); diags.HasError() {
		t.Errorf("cleanup.policy refused: %v", diags)
	}
}
