package provider

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

const (
	defaultCreateTimeout = 30 * time.Minute
	defaultUpdateTimeout = 30 * time.Minute
	defaultDeleteTimeout = 30 * time.Minute
)

var (
	_ resource.Resource                = &instanceResource{}
	_ resource.ResourceWithConfigure   = &instanceResource{}
	_ resource.ResourceWithImportState = &instanceResource{}
)

// NewInstanceResource is the tributary_instance resource.
func NewInstanceResource() resource.Resource {
	return &instanceResource{}
}

type instanceResource struct {
	resourceAPI
}

func (r *instanceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_instance"
}

// minBrokerCount is the fewest brokers an instance has (every flavor's minimum: a KRaft
// majority and a replication factor of 3 need three). broker_count is also capped at the
// API's int32, so it is never truncated on the wire; the flavor's own bounds are the API's
// to check.
const minBrokerCount = 3

// Schema: the API changes name, description, tags, retention, flavor, storage, broker
// settings, the maintenance window, deletion protection, the Kafka version and the broker
// count in place (PATCH; a flavor, broker-setting, version or broker-count change may answer
// 202 with an operation, which Update waits for) and replaces the network allow-list (PUT
// network-rules); every other argument is RequiresReplace.
func (r *instanceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replacesString := []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}
	replacesInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace()}
	replacesSet := []planmodifier.Set{setplanmodifier.UseStateForUnknown(), setplanmodifier.RequiresReplace()}
	keepString := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	keepInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	keepSet := []planmodifier.Set{setplanmodifier.UseStateForUnknown()}
	keepObject := []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}

	to := timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true})
	if a, ok := to.(schema.SingleNestedAttribute); ok {
		a.MarkdownDescription = "How long to wait for the instance: `create` (default `30m`) until it is " +
			"`RUNNING`, `update` (default `30m`) and `delete` (default `30m`) until it is gone."
		to = a
	}

	resp.Schema = schema.Schema{
		MarkdownDescription: "An Apache Kafka instance: a KRaft cluster of `broker_count` brokers of one flavor, " +
			"spread over availability zones. Creation is asynchronous; Terraform waits until the instance is " +
			"`RUNNING`.\n\n`name`, `description`, `tags`, `retention`, `network.allowed_cidrs`, `storage_gb` " +
			"(which only grows), `maintenance_window` and `deletion_protection` change in place without a restart; " +
			"`flavor`, `broker_config` and a newer `kafka_version` change in place, by a rolling restart (one broker " +
			"at a time) that Terraform waits for where Kafka cannot take the change while running; `broker_count` " +
			"changes in place by adding or removing brokers, which Terraform waits for too. Changing any other " +
			"argument replaces the instance (deleting its data). " +
			"`connection_info` tells clients how to connect.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Instance id (UUID).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name, unique in the project: a DNS label (lower-case letters, digits, hyphens). Changes in place.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 63)},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Free text, up to 1000 characters. Changes in place.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtMost(1000)},
			},
			"flavor": schema.StringAttribute{
				MarkdownDescription: "Broker flavor, e.g. `kafka.2u4g`; see the `tributary_flavors` data source. Changes in place: " +
					"the brokers restart onto the new flavor's heap, threads and limits one at a time, and Terraform " +
					"waits for the rolling restart within the `update` timeout.",
				Required: true,
			},
			"broker_count": schema.Int64Attribute{
				MarkdownDescription: "Number of brokers: at least 3, and within the flavor's limits (see the " +
					"`tributary_flavors` data source; the API checks them). Changes in place while the instance keeps " +
					"serving, and Terraform waits for it within the `update` timeout. A larger count adds broker-only " +
					"nodes, spread over the zones, and rebalances the existing partitions onto them. A smaller count " +
					"first empties the highest-numbered brokers, moving their replicas to the others, then removes " +
					"them; the API refuses it (and the apply fails with its reason) while a topic's replication factor " +
					"is larger than the new count, or when a zone would be left without a broker. A count change is " +
					"applied on its own, after a `kafka_version` upgrade and before the other changes of the same apply.",
				Required:   true,
				Validators: []validator.Int64{int64validator.Between(minBrokerCount, math.MaxInt32)},
			},
			"availability_zones": schema.ListAttribute{
				MarkdownDescription: "Zones the brokers are spread over (broker.rack = zone): one zone, or three and more, " +
					"never two. See the `tributary_availability_zones` data source. Changing it replaces the instance.",
				Required:      true,
				ElementType:   types.StringType,
				Validators:    []validator.List{listvalidator.SizeAtLeast(1)},
				PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplace()},
			},
			"storage_gb": schema.Int64Attribute{
				MarkdownDescription: "Storage per broker in GB, within the flavor's limits. Grows in place without a restart; " +
					"it never shrinks (a smaller value is a plan error).",
				Required:      true,
				PlanModifiers: []planmodifier.Int64{storageOnlyGrows()},
			},
			"kafka_version": schema.StringAttribute{
				MarkdownDescription: "Apache Kafka version (see the API's `GET /api/v1/kafka-versions`); the control plane's " +
					"default version when omitted. A newer version upgrades in place: the brokers roll onto it one at a " +
					"time and the metadata version is finalized, which Terraform waits for. An older one is a plan error: " +
					"Kafka cannot go back once upgraded.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), kafkaVersionOnlyUpgrades{}},
			},
			"security": schema.SingleNestedAttribute{
				MarkdownDescription: "How clients connect and authenticate. The control plane's default when omitted. " +
					"Changing it replaces the instance.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: keepObject,
				Attributes: map[string]schema.Attribute{
					"protocol": schema.StringAttribute{
						MarkdownDescription: "Client listener protocol: " + mdEnum(client.AllowedSecurityProtocolEnumValues) + ".",
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(enumStrings(client.AllowedSecurityProtocolEnumValues)...)},
						PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
					},
					"sasl_mechanisms": schema.SetAttribute{
						MarkdownDescription: "SASL mechanisms enabled with a SASL protocol: " + mdEnum(client.AllowedSaslMechanismEnumValues) + ".",
						Optional:            true,
						Computed:            true,
						ElementType:         types.StringType,
						Validators: []validator.Set{setvalidator.SizeAtMost(2),
							setvalidator.ValueStringsAre(stringvalidator.OneOf(enumStrings(client.AllowedSaslMechanismEnumValues)...))},
						PlanModifiers: replacesSet,
					},
					"admin_username": schema.StringAttribute{
						MarkdownDescription: "Name of the instance's admin SASL user.",
						Optional:            true,
						Computed:            true,
						Validators:          []validator.String{stringvalidator.LengthAtMost(64)},
						PlanModifiers:       replacesString,
					},
					"admin_password": schema.StringAttribute{
						MarkdownDescription: "Password of the admin SASL user; required with SASL, at least 8 characters. " +
							"The API never returns it: Terraform keeps the configured value in state. Changing it replaces " +
							"the instance (the API cannot rotate it yet), except right after an import, when the " +
							"configured value is simply adopted.",
						Optional:      true,
						Sensitive:     true,
						Validators:    []validator.String{stringvalidator.LengthBetween(8, 128)},
						PlanModifiers: []planmodifier.String{adminPasswordReplace()},
					},
				},
			},
			"network": schema.SingleNestedAttribute{
				MarkdownDescription: "Network access rules. The control plane's default when omitted. Changes in place.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keepObject,
				Attributes: map[string]schema.Attribute{
					"allowed_cidrs": schema.SetAttribute{
						MarkdownDescription: "Client networks allowed to connect, e.g. `10.0.0.0/16` (at most 50); an empty " +
							"set allows every address. Changes in place: the allow-list is replaced and the brokers enforce " +
							"it within seconds, without a restart. Removing the attribute keeps the current list.",
						Optional:      true,
						Computed:      true,
						ElementType:   types.StringType,
						Validators:    []validator.Set{setvalidator.SizeAtMost(50)},
						PlanModifiers: keepSet,
					},
				},
			},
			"retention": schema.SingleNestedAttribute{
				MarkdownDescription: "Default message retention and what happens when the disk fills up. The control " +
					"plane's default when omitted. Changes in place, applied to the running brokers without a restart; " +
					"an attribute removed from the configuration keeps its current value.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: keepObject,
				Attributes: map[string]schema.Attribute{
					"default_hours": schema.Int64Attribute{
						MarkdownDescription: "Default retention of topics in hours (1 to 8760; the API's default is 72).",
						Optional:            true,
						Computed:            true,
						Validators:          []validator.Int64{int64validator.Between(1, 8760)},
						PlanModifiers:       keepInt,
					},
					"capacity_policy": schema.StringAttribute{
						MarkdownDescription: "What happens when the disk fills up: " + mdEnum(client.AllowedCapacityPolicyEnumValues) +
							" (delete the oldest data, or refuse writes).",
						Optional:      true,
						Computed:      true,
						Validators:    []validator.String{stringvalidator.OneOf(enumStrings(client.AllowedCapacityPolicyEnumValues)...)},
						PlanModifiers: keepString,
					},
				},
			},
			"maintenance_window": schema.SingleNestedAttribute{
				MarkdownDescription: "Weekly window (UTC) for restarts and upgrades that the console or API schedule for it (`applyAt: MAINTENANCE_WINDOW`); a scheduled operation moves with the window. Changes Terraform makes apply at once, and Terraform waits for them. Changes in place; removing it keeps the current window.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keepObject,
				Attributes: map[string]schema.Attribute{
					"day_of_week": schema.StringAttribute{
						MarkdownDescription: "Day the window starts: " + mdEnum(client.AllowedDayOfWeekEnumValues) + ".",
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(enumStrings(client.AllowedDayOfWeekEnumValues)...)},
					},
					"start_hour": schema.Int64Attribute{
						MarkdownDescription: "Hour (UTC, 0 to 23) the window starts.",
						Required:            true,
						Validators:          []validator.Int64{int64validator.Between(0, 23)},
					},
					"duration_hours": schema.Int64Attribute{
						MarkdownDescription: "Length of the window in hours (1 to 8; the API's default is 4).",
						Optional:            true,
						Computed:            true,
						Validators:          []validator.Int64{int64validator.Between(1, 8)},
						PlanModifiers:       []planmodifier.Int64{keepKnownStateInt64{}},
					},
				},
			},
			"billing": schema.SingleNestedAttribute{
				MarkdownDescription: "How the instance is paid for. The control plane's default when omitted. Changing it replaces the instance.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       keepObject,
				Attributes: map[string]schema.Attribute{
					"mode": schema.StringAttribute{
						MarkdownDescription: "Billing mode: " + mdEnum(client.AllowedBillingModeEnumValues) + ".",
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(enumStrings(client.AllowedBillingModeEnumValues)...)},
						PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
					},
					"period_months": schema.Int64Attribute{
						MarkdownDescription: "Prepaid period in months (1 to 36); required for `PREPAID`.",
						Optional:            true,
						Computed:            true,
						Validators:          []validator.Int64{int64validator.Between(1, 36)},
						PlanModifiers:       replacesInt,
					},
					"auto_renew": schema.BoolAttribute{
						MarkdownDescription: "Whether a prepaid period renews itself (default `false`).",
						Optional:            true,
						Computed:            true,
						PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()},
					},
				},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Key/value labels (at most 50). Change in place.",
				Optional:            true,
				ElementType:         types.StringType,
			},
			"broker_config": schema.MapAttribute{
				MarkdownDescription: "Kafka broker settings, e.g. `{ \"log.cleaner.threads\" = \"2\" }`, from the " +
					"API's allow-list of tunable settings (retention by size, message and fetch sizes, compression, " +
					"timestamps, groups and offsets, transactions, replica lag, the log cleaner; partitions and " +
					"replication bounded by the order), each value checked against Kafka's own definition. Other " +
					"keys, config providers and settings that weaken durability are refused; topic auto-creation " +
					"is `auto_create_topics`. Changes in place: settings Kafka changes while running (`dynamic` in the " +
					"API's `GET /api/v1/broker-settings`: message sizes, compression, timestamps, retention by size, the " +
					"log cleaner) apply at once; any other one by a rolling restart (one broker at a time), which " +
					"Terraform waits for. Removing the attribute clears the settings.",
				Optional:    true,
				ElementType: types.StringType,
			},
			"deletion_protection": schema.BoolAttribute{
				MarkdownDescription: "While `true`, the API refuses to delete the instance (`DELETION_PROTECTED`), so " +
					"`terraform destroy` fails until it is set to `false` and applied. Default `false`. Changes in place.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"auto_create_topics": schema.BoolAttribute{
				MarkdownDescription: "Let clients create a topic by producing to or fetching from it (Kafka's " +
					"`auto.create.topics.enable`). Default `false`. Set when the instance is ordered: changing it " +
					"replaces the instance.",
				Optional:      true,
				Computed:      true,
				Default:       booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{autoCreateTopicsReplace()},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Lifecycle status: " + mdEnum(client.AllowedInstanceStatusEnumValues) + ".",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"bootstrap_servers": schema.StringAttribute{
				MarkdownDescription: "Comma-separated `host:port` list for Kafka clients.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"connection_info": schema.SingleNestedAttribute{
				MarkdownDescription: "How clients connect; null until the instance is `RUNNING`.",
				Computed:            true,
				PlanModifiers:       keepObject,
				Attributes:          connectionResourceAttributes(),
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the instance was ordered (RFC 3339).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": to,
		},
	}
}

// adminPasswordReplace replaces the instance when a known admin password changes to
// another one. A password adopted after an import (none in state) or removed from the
// configuration changes only the state.
func adminPasswordReplace() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull() && !req.PlanValue.IsNull()
		},
		"Changing a known admin password replaces the instance.",
		"Changing a known admin password replaces the instance.",
	)
}

// keepKnownStateInt64 plans a computed number left out of the configuration as its state value, like
// UseStateForUnknown, but only when the state has one: a window set for the first time gets
// the API's default duration (known after apply), not null.
type keepKnownStateInt64 struct{}

func (keepKnownStateInt64) Description(context.Context) string {
	return "The value in state, when there is one, until the configuration sets another."
}

func (m keepKnownStateInt64) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (keepKnownStateInt64) PlanModifyInt64(_ context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if req.PlanValue.IsUnknown() && !req.ConfigValue.IsUnknown() && known(req.StateValue) {
		resp.PlanValue = req.StateValue
	}
}

// kafkaVersionOnlyUpgrades refuses at plan time a Kafka version older than the instance's: an
// upgrade finalizes the metadata version, which an older release cannot read.
type kafkaVersionOnlyUpgrades struct{}

func (kafkaVersionOnlyUpgrades) Description(context.Context) string {
	return "Kafka upgrades in place and never goes back."
}

func (m kafkaVersionOnlyUpgrades) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (kafkaVersionOnlyUpgrades) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !known(req.StateValue) || !known(req.PlanValue) || compareVersions(req.PlanValue.ValueString(), req.StateValue.ValueString()) >= 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Kafka cannot go back",
		fmt.Sprintf("kafka_version is %s; %s is older. An upgrade finalizes the metadata version, which an older Kafka "+
			"cannot read. Keep %s or a newer version, or replace the instance explicitly (terraform apply -replace=...), "+
			"which deletes its data.", req.StateValue.ValueString(), req.PlanValue.ValueString(), req.StateValue.ValueString()))
}

// compareVersions orders dotted release numbers: 4.1.1 < 4.3.1 < 4.10.0.
func compareVersions(a, b string) int {
	x, y := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(x) || i < len(y); i++ {
		var p, q int
		if i < len(x) {
			p, _ = strconv.Atoi(x[i])
		}
		if i < len(y) {
			q, _ = strconv.Atoi(y[i])
		}
		if p != q {
			if p < q {
				return -1
			}
			return 1
		}
	}
	return 0
}

// storageOnlyGrows refuses at plan time what the API refuses at apply time: storage that
// shrinks (Kafka cannot give back a broker's disk, and DMS does not either).
func storageOnlyGrows() planmodifier.Int64 { return storageGrowth{} }

type storageGrowth struct{}

func (storageGrowth) Description(context.Context) string {
	return "Storage grows in place and never shrinks."
}

func (g storageGrowth) MarkdownDescription(ctx context.Context) string { return g.Description(ctx) }

func (storageGrowth) PlanModifyInt64(_ context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if !known(req.StateValue) || !known(req.PlanValue) || req.PlanValue.ValueInt64() >= req.StateValue.ValueInt64() {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Storage can only grow",
		fmt.Sprintf("storage_gb is %d GB per broker and cannot shrink to %d GB: a broker's disk is never given back. "+
			"Keep %d or more, or replace the instance explicitly (terraform apply -replace=...), which deletes its data.",
			req.StateValue.ValueInt64(), req.PlanValue.ValueInt64(), req.StateValue.ValueInt64()))
}

// autoCreateTopicsReplace replaces the instance when auto_create_topics changes, except
// when the state has no value yet (a state written before the attribute existed): the
// API's value is then adopted.
func autoCreateTopicsReplace() planmodifier.Bool {
	return boolplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull()
		},
		"Set when the instance is ordered: changing it replaces the instance.",
		"Set when the instance is ordered: changing it replaces the instance.",
	)
}

// connectionResourceAttributes are the computed attributes of `connection_info`.
func connectionResourceAttributes() map[string]schema.Attribute {
	str := func(md string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: md, Computed: true}
	}
	return map[string]schema.Attribute{
		"bootstrap_servers": str("Comma-separated `host:port` list of the client listener."),
		"security_protocol": str("Kafka client `security.protocol`: " + mdEnum(client.AllowedSecurityProtocolEnumValues) + "."),
		"sasl_mechanisms": schema.SetAttribute{
			MarkdownDescription: "SASL mechanisms clients can use (empty with `PLAINTEXT`).",
			Computed:            true,
			ElementType:         types.StringType,
		},
		"tls_enabled": schema.BoolAttribute{
			MarkdownDescription: "True for `SASL_SSL`: clients must trust `ca_certificate`.",
			Computed:            true,
		},
		"client_properties": str("Ready-to-paste Kafka client properties; `<username>`, `<password>` and " +
			"`<path to ca.pem>` are placeholders."),
		"ca_certificate": str("PEM of the instance's CA certificate, which clients of a TLS (`SASL_SSL`) instance " +
			"trust; null without TLS."),
	}
}

func (r *instanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan instanceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(d...)
	order, d := toInstanceCreate(ctx, plan)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}

	accepted, _, err := r.api.api.InstancesAPI.CreateInstance(ctx, r.api.project).InstanceCreate(order).Execute()
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not create the instance", err))
		return
	}
	tflog.Info(ctx, "instance ordered", map[string]any{"instance_id": accepted.Instance.Id, "operation_id": accepted.Operation.Id})

	// Record the instance at once: should the wait fail, Terraform keeps it (tainted)
	// instead of leaking it.
	state, d := fromInstance(ctx, accepted.Instance, plan)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	running, err := waitForRunning(waitCtx, r.api, accepted.Instance.Id)
	if err != nil {
		resp.Diagnostics.AddError("Instance did not become RUNNING", err.Error())
		return
	}
	state, d = fromInstance(ctx, *running, plan)
	resp.Diagnostics.Append(d...)
	state.Connection, d = fetchCACertificate(ctx, r.api, *running, state.Connection)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *instanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state instanceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in, httpResp, err := r.api.api.InstancesAPI.GetInstance(ctx, r.api.project, state.ID.ValueString()).Execute()
	if isNotFound(httpResp, err) || (err == nil && in.Status == client.INSTANCESTATUS_DELETED) {
		tflog.Warn(ctx, "instance is gone; removing it from state", map[string]any{"instance_id": state.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not read the instance", err))
		return
	}
	newState, d := fromInstance(ctx, *in, state)
	resp.Diagnostics.Append(d...)
	newState.Connection, d = fetchCACertificate(ctx, r.api, *in, newState.Connection)
	resp.Diagnostics.Append(d...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &newState)...)
}

// fetchCACertificate returns conn (the `connection_info` of instance in) with ca_certificate
// read from the API when the instance's clients use TLS: one small GET, for SASL_SSL
// instances only. Without TLS, conn is returned as it is.
func fetchCACertificate(ctx context.Context, api *apiContext, in client.Instance, conn types.Object) (types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !connectionNeedsCA(in) || !known(conn) {
		return conn, diags
	}
	pem, httpResp, err := api.api.CertificatesAPI.GetInstanceCaCertificate(ctx, api.project, in.Id).Execute()
	if isNotFound(httpResp, err) {
		tflog.Warn(ctx, "instance has TLS but no CA certificate (404)", map[string]any{"instance_id": in.Id})
		return conn, diags
	}
	if err != nil {
		diags.Append(apiErrorDiag("Could not read the instance's CA certificate", err))
		return conn, diags
	}
	return withCACertificate(conn, pem)
}

func (r *instanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state instanceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	newState, d := r.applyInPlaceChanges(ctx, plan, state)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &newState)...)
}

// applyInPlaceChanges sends what the API changes in place and returns the new state: the
// PATCHes of splitUpdate, one after the other, then the network allow-list (PUT). A PATCH that
// starts an operation (a rolling restart or upgrade, a scale-out or scale-in) answers 202 with
// it, which is waited for before the instance is read again and the next PATCH goes; should one
// fail, the later ones are not sent and the state is what the API then has. Everything else is
// RequiresReplace in the schema, so it never reaches here.
func (r *instanceResource) applyInPlaceChanges(ctx context.Context, plan, state instanceModel) (instanceModel, diag.Diagnostics) {
	upd, diags := toInstanceUpdate(ctx, plan, state)
	rules, d := toNetworkRules(ctx, plan, state)
	diags.Append(d...)
	if diags.HasError() {
		return plan, diags
	}
	id := state.ID.ValueString()
	var in *client.Instance
	for _, p := range splitUpdate(upd) {
		updated, d := r.patchAndWait(ctx, id, p)
		diags.Append(d...)
		if updated != nil {
			in = updated
		}
		if diags.HasError() {
			if in == nil {
				return plan, diags
			}
			newState, d := stateAfterUpdate(ctx, plan, *in)
			diags.Append(d...)
			return newState, diags
		}
	}
	if rules != nil {
		var err error
		in, _, err = r.api.api.NetworkRulesAPI.ReplaceNetworkRules(ctx, r.api.project, id).NetworkSpec(*rules).Execute()
		if err != nil {
			diags.Append(apiErrorDiag("Could not replace the instance's network rules", err))
			return plan, diags
		}
		tflog.Info(ctx, "instance network rules replaced", map[string]any{"instance_id": id, "allowed_cidrs": rules.AllowedCidrs})
	}
	if in == nil {
		// Only provider-side values changed (timeouts, an adopted admin password or
		// auto_create_topics).
		newState := plan
		newState.Status, newState.BootstrapServers, newState.CreatedAt = state.Status, state.BootstrapServers, state.CreatedAt
		newState.Connection = keepKnownObject(plan.Connection, state.Connection)
		return newState, diags
	}
	newState, d := stateAfterUpdate(ctx, plan, *in)
	diags.Append(d...)
	return newState, diags
}

// instancePatch is one PATCH of an update and what it does, which names it in diagnostics
// ("Could not change the broker count").
type instancePatch struct {
	change string
	body   client.InstanceUpdate
}

// soloChanges are the changes the API takes only on their own in a PATCH, in the order they
// are sent, before the rest: a Kafka upgrade, then a new broker count (so brokers it adds
// start on the new version). take moves its change out of rest into a PATCH of its own.
var soloChanges = []struct {
	change string
	take   func(rest *client.InstanceUpdate) (alone client.InstanceUpdate)
}{
	{"upgrade Kafka", func(rest *client.InstanceUpdate) (alone client.InstanceUpdate) {
		alone.KafkaVersion, rest.KafkaVersion = rest.KafkaVersion, nil
		return alone
	}},
	{"change the broker count", func(rest *client.InstanceUpdate) (alone client.InstanceUpdate) {
		alone.BrokerCount, rest.BrokerCount = rest.BrokerCount, nil
		if alone.BrokerCount != nil { // whether a scale-out rebalances belongs to the count
			alone.Rebalance, rest.Rebalance = rest.Rebalance, nil
		}
		return alone
	}},
}

// splitUpdate returns the PATCHes to send for upd, in order: each of soloChanges that upd has,
// alone, then the other changes together; none when upd is nil.
func splitUpdate(upd *client.InstanceUpdate) []instancePatch {
	if upd == nil {
		return nil
	}
	var patches []instancePatch
	rest := *upd
	for _, solo := range soloChanges {
		if alone := solo.take(&rest); !isEmptyUpdate(alone) {
			patches = append(patches, instancePatch{change: solo.change, body: alone})
		}
	}
	if !isEmptyUpdate(rest) {
		patches = append(patches, instancePatch{change: "update the instance", body: rest})
	}
	return patches
}

// isEmptyUpdate reports whether u would be sent as {}.
func isEmptyUpdate(u client.InstanceUpdate) bool {
	b, err := u.MarshalJSON()
	return err == nil && string(b) == "{}"
}

// patchAndWait sends one PATCH and, when it started an operation (202: a rolling restart or
// upgrade, a scale-out or scale-in), waits for that operation and reads the instance again. The
// instance is returned whenever the API answered, also with an error diagnostic after a failed
// operation, so the state is what the API has. A refused PATCH (such as a scale-in below a
// topic's replication factor) is an error diagnostic with the API's own explanation.
func (r *instanceResource) patchAndWait(ctx context.Context, id string, p instancePatch) (*client.Instance, diag.Diagnostics) {
	var diags diag.Diagnostics
	in, httpResp, err := r.api.api.InstancesAPI.UpdateInstance(ctx, r.api.project, id).InstanceUpdate(p.body).Execute()
	if err != nil {
		diags.Append(apiErrorDiag("Could not "+p.change, err))
		return nil, diags
	}
	tflog.Info(ctx, "instance updated", map[string]any{"instance_id": id, "change": p.change})
	opID := in.GetCurrentOperationId()
	if httpResp.StatusCode != http.StatusAccepted || opID == "" {
		return in, diags
	}
	tflog.Info(ctx, "the change runs as an operation; waiting", map[string]any{"instance_id": id, "operation_id": opID, "change": p.change})
	waitErr := waitForOperation(ctx, r.api, opID)
	after, _, err := r.api.api.InstancesAPI.GetInstance(ctx, r.api.project, id).Execute()
	if err == nil {
		in = after
	}
	switch {
	case waitErr != nil:
		diags.AddError("Could not "+p.change+": its operation did not finish", waitErr.Error())
	case err != nil:
		diags.Append(apiErrorDiag("Could not read the instance after its operation", err))
	}
	return in, diags
}

// stateAfterUpdate is the state from the API's answer to an update. Status, bootstrap
// servers, creation time and connection were planned as their prior values
// (UseStateForUnknown); the next refresh brings any change, so an apply never reports an
// inconsistent result.
func stateAfterUpdate(ctx context.Context, plan instanceModel, in client.Instance) (instanceModel, diag.Diagnostics) {
	newState, diags := fromInstance(ctx, in, plan)
	newState.Status, newState.BootstrapServers, newState.CreatedAt = keepKnown(plan.Status, newState.Status),
		keepKnown(plan.BootstrapServers, newState.BootstrapServers), keepKnown(plan.CreatedAt, newState.CreatedAt)
	newState.Connection = keepKnownObject(plan.Connection, newState.Connection)
	return newState, diags
}

func keepKnown(planned, actual types.String) types.String {
	if planned.IsUnknown() {
		return actual
	}
	return planned
}

func keepKnownObject(planned, actual types.Object) types.Object {
	if planned.IsUnknown() {
		return actual
	}
	return planned
}

func (r *instanceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state instanceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id := state.ID.ValueString()
	_, httpResp, err := r.api.api.InstancesAPI.DeleteInstance(ctx, r.api.project, id).Execute()
	switch {
	case isNotFound(httpResp, err):
		return
	case problemCode(err) == "DELETION_PROTECTED":
		resp.Diagnostics.AddError("The instance is protected from deletion",
			describeAPIError(err)+"\n\nSet deletion_protection = false and apply, then destroy it.")
		return
	case err != nil && httpResp != nil && httpResp.StatusCode == http.StatusConflict:
		// Already being deleted (or busy): wait for it all the same.
		tflog.Warn(ctx, "delete answered 409; waiting for the instance to go", map[string]any{
			"instance_id": id, "detail": describeAPIError(err)})
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiag("Could not delete the instance", err))
		return
	}
	if err := waitForGone(ctx, r.api, id); err != nil {
		resp.Diagnostics.AddError("Instance was not deleted", err.Error())
	}
}

func (r *instanceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func enumStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

func mdEnum[T ~string](values []T) string {
	s := ""
	for i, v := range values {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("`%s`", v)
	}
	return s
}
