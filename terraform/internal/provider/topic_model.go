package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// topicModel is the state of a tributary_topic resource.
type topicModel struct {
	ID                types.String `tfsdk:"id"`
	InstanceID        types.String `tfsdk:"instance_id"`
	Name              types.String `tfsdk:"name"`
	Partitions        types.Int64  `tfsdk:"partitions"`
	ReplicationFactor types.Int64  `tfsdk:"replication_factor"`
	RetentionHours    types.Int64  `tfsdk:"retention_hours"`
	SyncReplication   types.Bool   `tfsdk:"sync_replication"`
	SyncFlush         types.Bool   `tfsdk:"sync_flush"`
	Configs           types.Map    `tfsdk:"configs"`
}

// topicOwnFieldConfigs are the Kafka settings the API manages through dedicated fields
// (and refuses in `configs`), by the attribute that sets them. The API's `configs` lists
// them among the topic's own settings; they never appear in the `configs` attribute.
var topicOwnFieldConfigs = map[string]string{
	"retention.ms":        "retention_hours",
	"min.insync.replicas": "sync_replication",
	"flush.messages":      "sync_flush",
}

// ---------------------------------------------------------------------------------------
// Terraform -> API
// ---------------------------------------------------------------------------------------

// toTopicCreate maps a planned tributary_topic to the API's request. Optional+computed
// attributes the configuration leaves out are unknown and left to the API's defaults.
func toTopicCreate(ctx context.Context, m topicModel) (client.TopicCreate, diag.Diagnostics) {
	var diags diag.Diagnostics
	// Not NewTopicCreate: it fills in the spec's defaults, and the API applies its own.
	order := client.TopicCreate{Name: m.Name.ValueString()}
	order.SetPartitions(int32(m.Partitions.ValueInt64()))
	if known(m.ReplicationFactor) {
		order.SetReplicationFactor(int32(m.ReplicationFactor.ValueInt64()))
	}
	if known(m.RetentionHours) {
		order.SetRetentionHours(int32(m.RetentionHours.ValueInt64()))
	}
	if known(m.SyncReplication) {
		order.SetSyncReplication(m.SyncReplication.ValueBool())
	}
	if known(m.SyncFlush) {
		order.SetSyncFlush(m.SyncFlush.ValueBool())
	}
	if known(m.Configs) {
		cfg := map[string]string{}
		diags.Append(m.Configs.ElementsAs(ctx, &cfg, false)...)
		if len(cfg) > 0 {
			order.SetConfigs(cfg)
		}
	}
	return order, diags
}

// toTopicUpdate builds the PATCH from the plan and the prior state: only what changed
// (partitions, retention_hours, sync_replication, sync_flush and the `configs` keys that
// are new or have another value); nil when nothing is to be sent. It also returns the
// `configs` keys the configuration dropped: the API cannot unset a topic setting, so
// they keep their value on the cluster.
func toTopicUpdate(ctx context.Context, plan, state topicModel) (*client.TopicUpdate, []string, diag.Diagnostics) {
	var diags diag.Diagnostics
	upd := client.NewTopicUpdate()
	changed := false
	if known(plan.Partitions) && !plan.Partitions.Equal(state.Partitions) {
		upd.SetPartitions(int32(plan.Partitions.ValueInt64()))
		changed = true
	}
	if known(plan.RetentionHours) && !plan.RetentionHours.Equal(state.RetentionHours) {
		upd.SetRetentionHours(int32(plan.RetentionHours.ValueInt64()))
		changed = true
	}
	if known(plan.SyncReplication) && !plan.SyncReplication.Equal(state.SyncReplication) {
		upd.SetSyncReplication(plan.SyncReplication.ValueBool())
		changed = true
	}
	if known(plan.SyncFlush) && !plan.SyncFlush.Equal(state.SyncFlush) {
		upd.SetSyncFlush(plan.SyncFlush.ValueBool())
		changed = true
	}

	planned, prior := map[string]string{}, map[string]string{}
	if known(plan.Configs) {
		diags.Append(plan.Configs.ElementsAs(ctx, &planned, false)...)
	}
	if known(state.Configs) {
		diags.Append(state.Configs.ElementsAs(ctx, &prior, false)...)
	}
	set := map[string]string{}
	for k, v := range planned {
		if old, ok := prior[k]; !ok || old != v {
			set[k] = v
		}
	}
	if len(set) > 0 {
		upd.SetConfigs(set)
		changed = true
	}
	dropped := droppedConfigKeys(prior, planned)
	if !changed {
		return nil, dropped, diags
	}
	return upd, dropped, diags
}

// droppedConfigKeys lists, sorted, the keys of prior that planned no longer has.
func droppedConfigKeys(prior, planned map[string]string) []string {
	var dropped []string
	for k := range prior {
		if _, ok := planned[k]; !ok {
			dropped = append(dropped, k)
		}
	}
	sort.Strings(dropped)
	return dropped
}

// ---------------------------------------------------------------------------------------
// API -> Terraform
// ---------------------------------------------------------------------------------------

// fromTopic fills m from the API's view of a topic. prior is the plan or the prior state.
//
// The API's `configs` are all settings set on the topic itself. Only the keys of prior's
// `configs` are kept (with the cluster's values, and a key missing on the cluster dropped,
// so the next plan sets it again): settings set by others never show a diff. Right after
// an import (prior has only id, instance_id and name: partitions is null) every setting
// is adopted. retention.ms, min.insync.replicas and flush.messages are never in `configs`:
// retention_hours, sync_replication and sync_flush show them.
func fromTopic(ctx context.Context, instanceID string, t client.Topic, prior topicModel) (topicModel, diag.Diagnostics) {
	m := prior
	imported := prior.Partitions.IsNull()

	m.ID = types.StringValue(topicKind.id(instanceID, t.Name))
	m.InstanceID = types.StringValue(instanceID)
	m.Name = types.StringValue(t.Name)
	m.Partitions = types.Int64Value(int64(t.Partitions))
	m.ReplicationFactor = types.Int64Value(int64(t.ReplicationFactor))
	m.RetentionHours = int32Nullable(t.RetentionHours)
	m.SyncReplication = types.BoolValue(t.SyncReplication)
	m.SyncFlush = types.BoolValue(t.SyncFlush)

	var diags diag.Diagnostics
	m.Configs, diags = topicConfigs(ctx, t.Configs, prior.Configs, imported)
	return m, diags
}

// topicConfigs is the `configs` attribute for the API's topic settings: see fromTopic.
func topicConfigs(ctx context.Context, api map[string]string, prior types.Map, adoptAll bool) (types.Map, diag.Diagnostics) {
	keep := map[string]string{}
	switch {
	case adoptAll:
		for k, v := range api {
			if _, own := topicOwnFieldConfigs[k]; !own {
				keep[k] = v
			}
		}
		if len(keep) == 0 {
			return types.MapNull(types.StringType), nil
		}
	case !known(prior):
		return prior, nil
	default:
		for k := range prior.Elements() {
			if _, own := topicOwnFieldConfigs[k]; own {
				continue
			}
			if v, ok := api[k]; ok {
				keep[k] = v
			}
		}
	}
	return types.MapValueFrom(ctx, types.StringType, keep)
}

// topicReflects reports whether the API's view of a topic shows what plan asked for.
// Kafka applies a change on the controller first; a broker may answer with the previous
// metadata for a moment.
func topicReflects(t client.Topic, plan topicModel) bool {
	if known(plan.Partitions) && int64(t.Partitions) != plan.Partitions.ValueInt64() {
		return false
	}
	if known(plan.RetentionHours) && (t.RetentionHours.Get() == nil || int64(*t.RetentionHours.Get()) != plan.RetentionHours.ValueInt64()) {
		return false
	}
	if known(plan.SyncReplication) && t.SyncReplication != plan.SyncReplication.ValueBool() {
		return false
	}
	if known(plan.SyncFlush) && t.SyncFlush != plan.SyncFlush.ValueBool() {
		return false
	}
	if known(plan.Configs) {
		for k, v := range plan.Configs.Elements() {
			s, ok := v.(types.String)
			if !ok || !known(s) {
				continue
			}
			if t.Configs[k] != s.ValueString() {
				return false
			}
		}
	}
	return true
}

func int32Nullable(v client.NullableInt32) types.Int64 {
	if !v.IsSet() || v.Get() == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*v.Get()))
}
