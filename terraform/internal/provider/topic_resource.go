package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// topicSettleTimeout bounds the wait for a created, changed or deleted topic to show on
// the brokers (Kafka applies it on the controller first; brokers follow within moments).
const topicSettleTimeout = 2 * time.Minute

var (
	_ resource.Resource                   = &topicResource{}
	_ resource.ResourceWithConfigure      = &topicResource{}
	_ resource.ResourceWithImportState    = &topicResource{}
	_ resource.ResourceWithValidateConfig = &topicResource{}
)

// NewTopicResource is the tributary_topic resource.
func NewTopicResource() resource.Resource {
	return &topicResource{}
}

type topicResource struct {
	resourceAPI
}

func (r *topicResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_topic"
}

func (r *topicResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Kafka topic of a `RUNNING` instance.\n\n`partitions` (only ever up), `retention_hours`, " +
			"`sync_replication`, `sync_flush` and `configs` change in place; `instance_id`, `name` and " +
			"`replication_factor` replace the topic (deleting its messages). Kafka cannot remove partitions: " +
			"a smaller `partitions` is refused at plan time.",
		Attributes: map[string]schema.Attribute{
			"id":          topicKind.idAttribute(),
			"instance_id": topicKind.instanceIDAttribute(),
			"name": schema.StringAttribute{
				MarkdownDescription: "Topic name: letters, digits, `.`, `_` and `-` (at most 249). Changing it replaces the topic.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 249),
					stringvalidator.RegexMatches(regexp.MustCompile(`^[a-zA-Z0-9._-]+$`), "use letters, digits, '.', '_' and '-'"),
					stringvalidator.NoneOf(".", ".."),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"partitions": schema.Int64Attribute{
				MarkdownDescription: "Number of partitions (1 to 2000, within the flavor's partition limit). It can only " +
					"grow, in place: Kafka cannot remove partitions, so a smaller value is refused at plan time. " +
					"Adding partitions changes which partition a key goes to.",
				Required:      true,
				Validators:    []validator.Int64{int64validator.Between(1, 2000)},
				PlanModifiers: []planmodifier.Int64{partitionsOnlyGrow()},
			},
			"replication_factor": schema.Int64Attribute{
				MarkdownDescription: "Copies of every partition (1 to 3, at most the broker count); the API's default " +
					"is min(3, brokers). Changing it replaces the topic.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Int64{int64validator.Between(1, 3)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace()},
			},
			"retention_hours": schema.Int64Attribute{
				MarkdownDescription: "How long messages are kept, in hours (1 to 8760; `retention.ms`); the instance's " +
					"default retention when omitted. Changes in place.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Int64{int64validator.Between(1, 8760)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"sync_replication": schema.BoolAttribute{
				MarkdownDescription: "Synchronous replication: `min.insync.replicas` = replication factor - 1 (at least 2), " +
					"for producers with `acks=all`. Needs a replication factor of 3. Default `false`; changes in place.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"sync_flush": schema.BoolAttribute{
				MarkdownDescription: "Flush every message to disk (`flush.messages=1`): safer, much slower. Default `false`; " +
					"changes in place.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"configs": schema.MapAttribute{
				MarkdownDescription: "Other topic settings (at most 50), e.g. `cleanup.policy`, `max.message.bytes`, " +
					"`retention.bytes`, `compression.type`; the API refuses keys it does not allow. Only the keys set " +
					"here are compared with the cluster, so settings made elsewhere cause no diff. `retention.ms`, " +
					"`min.insync.replicas` and `flush.messages` are set with `retention_hours`, `sync_replication` and " +
					"`sync_flush`. Changes in place; the API cannot unset a setting, so a key removed here keeps its " +
					"value on the cluster (with a warning).",
				Optional:    true,
				ElementType: types.StringType,
				Validators: []validator.Map{
					mapvalidator.SizeAtMost(50),
					mapvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, 1024)),
				},
			},
		},
	}
}

// ValidateConfig refuses the settings that have their own attribute in `configs`.
func (r *topicResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var configs types.Map
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("configs"), &configs)...)
	if resp.Diagnostics.HasError() || !known(configs) {
		return
	}
	resp.Diagnostics.Append(validateTopicConfigKeys(configs)...)
}

func validateTopicConfigKeys(configs types.Map) diag.Diagnostics {
	var diags diag.Diagnostics
	for key := range configs.Elements() {
		if attr, own := topicOwnFieldConfigs[key]; own {
			diags.AddAttributeError(path.Root("configs").AtMapKey(key), "Topic setting with its own attribute",
				fmt.Sprintf("Set %s with `%s`, not in `configs`.", key, attr))
		}
	}
	return diags
}

// partitionsOnlyGrow refuses a plan that lowers partitions of an existing topic: Kafka can
// only add partitions. A topic that is replaced anyway (new instance_id or name) may
// have any number.
func partitionsOnlyGrow() planmodifier.Int64 { return partitionsOnlyGrowModifier{} }

type partitionsOnlyGrowModifier struct{}

func (partitionsOnlyGrowModifier) Description(context.Context) string {
	return "Partitions can only be added; a decrease is refused at plan time."
}

func (m partitionsOnlyGrowModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (partitionsOnlyGrowModifier) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !known(req.StateValue) || !known(req.PlanValue) {
		return // create, destroy, or not known yet
	}
	var stateInstance, planInstance, stateName, planName types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("instance_id"), &stateInstance)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("instance_id"), &planInstance)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("name"), &stateName)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &planName)...)
	if resp.Diagnostics.HasError() || !stateInstance.Equal(planInstance) || !stateName.Equal(planName) {
		return // replaced: a new topic
	}
	if d := partitionDecrease(stateName.ValueString(), req.StateValue.ValueInt64(), req.PlanValue.ValueInt64()); d != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Partitions cannot be decreased", d)
	}
}

// partitionDecrease explains why going from current to planned partitions is refused;
// "" when it is not a decrease.
func partitionDecrease(topic string, current, planned int64) string {
	if planned >= current {
		return ""
	}
	return fmt.Sprintf("Topic %q has %d partitions; partitions can only be added (Kafka cannot remove "+
		"partitions without losing data), so %d is refused. Keep partitions at %d or more, or recreate the "+
		"topic (e.g. `terraform apply -replace=...`), which deletes its messages.", topic, current, planned, current)
}

func (r *topicResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan topicModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	order, d := toTopicCreate(ctx, plan)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID := plan.InstanceID.ValueString()
	created, _, err := r.api.api.TopicsAPI.CreateTopic(ctx, r.api.project, instanceID).TopicCreate(order).Execute()
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not create the topic", err))
		return
	}
	tflog.Info(ctx, "topic created", map[string]any{"instance_id": instanceID, "topic": created.Name})
	created = r.awaitReflects(ctx, instanceID, *created, plan)
	state, d := fromTopic(ctx, instanceID, *created, plan)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *topicResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state topicModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID, name := state.InstanceID.ValueString(), state.Name.ValueString()
	t := readChild(ctx, r.api, topicKind, instanceID, name, resp, func(ctx context.Context) (*client.Topic, *http.Response, error) {
		return r.api.api.TopicsAPI.GetTopic(ctx, r.api.project, instanceID, name).Execute()
	})
	if t == nil {
		return
	}
	newState, d := fromTopic(ctx, instanceID, *t, state)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &newState)...)
}

func (r *topicResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state topicModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	upd, dropped, d := toTopicUpdate(ctx, plan, state)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	if len(dropped) > 0 {
		resp.Diagnostics.AddAttributeWarning(path.Root("configs"), "Topic settings left as they are",
			fmt.Sprintf("The API cannot unset a topic setting: %s keep their current value on the cluster and "+
				"are no longer managed by Terraform.", strings.Join(dropped, ", ")))
	}
	if upd == nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	instanceID, name := state.InstanceID.ValueString(), state.Name.ValueString()
	t, _, err := r.api.api.TopicsAPI.UpdateTopic(ctx, r.api.project, instanceID, name).TopicUpdate(*upd).Execute()
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not update the topic", err))
		return
	}
	t = r.awaitReflects(ctx, instanceID, *t, plan)
	newState, d := fromTopic(ctx, instanceID, *t, plan)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &newState)...)
}

func (r *topicResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state topicModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID, name := state.InstanceID.ValueString(), state.Name.ValueString()
	if !deleteChild(ctx, r.api, topicKind, instanceID, &resp.Diagnostics, func(ctx context.Context) (*http.Response, error) {
		return r.api.api.TopicsAPI.DeleteTopic(ctx, r.api.project, instanceID, name).Execute()
	}) {
		return
	}
	// Kafka deletes in the background; a topic of the same name (a replacement) can only
	// be created once it is gone.
	if err := r.waitForTopicGone(ctx, instanceID, name); err != nil {
		resp.Diagnostics.AddWarning("Topic deletion not confirmed", err.Error())
	}
}

func (r *topicResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	topicKind.importState(ctx, req, resp)
}

// awaitReflects returns the topic once the API's view shows the plan, re-reading it for a
// short while if a broker still answered with the previous metadata. Should it not
// settle, the last view is returned and Terraform reports the difference.
func (r *topicResource) awaitReflects(ctx context.Context, instanceID string, t client.Topic, plan topicModel) *client.Topic {
	ctx, cancel := context.WithTimeout(ctx, topicSettleTimeout)
	defer cancel()
	for !topicReflects(t, plan) {
		tflog.Debug(ctx, "topic does not show the change yet", map[string]any{"instance_id": instanceID, "topic": t.Name})
		if sleep(ctx, pollInterval) != nil {
			break
		}
		again, _, err := r.api.api.TopicsAPI.GetTopic(ctx, r.api.project, instanceID, t.Name).Execute()
		if err == nil {
			t = *again
		}
	}
	return &t
}

// waitForTopicGone polls the topic until GET answers 404.
func (r *topicResource) waitForTopicGone(ctx context.Context, instanceID, name string) error {
	ctx, cancel := context.WithTimeout(ctx, topicSettleTimeout)
	defer cancel()
	for {
		_, httpResp, err := r.api.api.TopicsAPI.GetTopic(ctx, r.api.project, instanceID, name).Execute()
		if isNotFound(httpResp, err) {
			return nil
		}
		if sleep(ctx, pollInterval) != nil {
			return fmt.Errorf("topic %s of instance %s is still listed %s after its deletion", name, instanceID, topicSettleTimeout)
		}
	}
}
