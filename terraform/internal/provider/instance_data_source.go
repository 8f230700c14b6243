package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

var _ datasource.DataSourceWithConfigure = &instanceDataSource{}

// NewInstanceDataSource is the tributary_instance data source.
func NewInstanceDataSource() datasource.DataSource {
	return &instanceDataSource{}
}

type instanceDataSource struct {
	dataSourceAPI
}

// instanceDataModel is instanceModel without what only the resource has (the admin
// password, timeouts), with why the instance is in its status.
type instanceDataModel struct {
	instanceView
	StatusReason types.String `tfsdk:"status_reason"`
}

var securityViewAttrTypes = map[string]attr.Type{
	"protocol":        types.StringType,
	"sasl_mechanisms": types.SetType{ElemType: types.StringType},
	"admin_username":  types.StringType,
}

func (d *instanceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_instance"
}

func (d *instanceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(md string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: md, Computed: true}
	}
	num := func(md string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: md, Computed: true}
	}
	strSet := func(md string) schema.SetAttribute {
		return schema.SetAttribute{MarkdownDescription: md, Computed: true, ElementType: types.StringType}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An existing Apache Kafka instance of the provider's project, by id.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Instance id (UUID).",
				Required:            true,
			},
			"name":         str("Name, unique in the project."),
			"description":  str("Free text."),
			"flavor":       str("Broker flavor."),
			"broker_count": num("Number of brokers."),
			"availability_zones": schema.ListAttribute{
				MarkdownDescription: "Zones the brokers are spread over.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"storage_gb":    num("Storage per broker in GB."),
			"kafka_version": str("Apache Kafka version."),
			"security": schema.SingleNestedAttribute{
				MarkdownDescription: "How clients connect and authenticate (the admin password is never returned).",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"protocol":        str("Client listener protocol: " + mdEnum(client.AllowedSecurityProtocolEnumValues) + "."),
					"sasl_mechanisms": strSet("Enabled SASL mechanisms."),
					"admin_username":  str("Name of the admin SASL user."),
				},
			},
			"network": schema.SingleNestedAttribute{
				MarkdownDescription: "Network access rules.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"allowed_cidrs": strSet("Client networks allowed to connect."),
				},
			},
			"retention": schema.SingleNestedAttribute{
				MarkdownDescription: "Default message retention.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"default_hours":   num("Default retention of topics in hours."),
					"capacity_policy": str("What happens when the disk fills up: " + mdEnum(client.AllowedCapacityPolicyEnumValues) + "."),
				},
			},
			"maintenance_window": schema.SingleNestedAttribute{
				MarkdownDescription: "Weekly window for restarts and upgrades; null when none is set.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"day_of_week":    str("Day the window starts."),
					"start_hour":     num("Hour (UTC) the window starts."),
					"duration_hours": num("Length of the window in hours."),
				},
			},
			"billing": schema.SingleNestedAttribute{
				MarkdownDescription: "How the instance is paid for.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"mode":          str("Billing mode: " + mdEnum(client.AllowedBillingModeEnumValues) + "."),
					"period_months": num("Prepaid period in months."),
					"auto_renew":    schema.BoolAttribute{MarkdownDescription: "Whether a prepaid period renews itself.", Computed: true},
				},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Key/value labels.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"broker_config": schema.MapAttribute{
				MarkdownDescription: "Kafka broker settings of the order.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"auto_create_topics": schema.BoolAttribute{
				MarkdownDescription: "Whether clients create a topic by producing to or fetching from it.",
				Computed:            true,
			},
			"deletion_protection": schema.BoolAttribute{
				MarkdownDescription: "Whether the API refuses to delete the instance until this is turned off.",
				Computed:            true,
			},
			"status":            str("Lifecycle status: " + mdEnum(client.AllowedInstanceStatusEnumValues) + "."),
			"status_reason":     str("Why the instance is in a failed or degraded state."),
			"bootstrap_servers": str("Comma-separated `host:port` list for Kafka clients; null until the instance is RUNNING."),
			"connection_info": schema.SingleNestedAttribute{
				MarkdownDescription: "How clients connect; null until the instance is `RUNNING`.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"bootstrap_servers": str("Comma-separated `host:port` list of the client listener."),
					"security_protocol": str("Kafka client `security.protocol`."),
					"sasl_mechanisms":   strSet("SASL mechanisms clients can use."),
					"tls_enabled": schema.BoolAttribute{
						MarkdownDescription: "True for `SASL_SSL`: clients must trust `ca_certificate`.",
						Computed:            true,
					},
					"client_properties": str("Ready-to-paste Kafka client properties, with placeholders for the credentials."),
					"ca_certificate":    str("PEM of the instance's CA certificate (TLS only)."),
				},
			},
			"created_at": str("When the instance was ordered (RFC 3339)."),
		},
	}
}

func (d *instanceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg instanceDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in, httpResp, err := d.api.api.InstancesAPI.GetInstance(ctx, d.api.project, cfg.ID.ValueString()).Execute()
	if isNotFound(httpResp, err) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Instance not found",
			"No instance "+cfg.ID.ValueString()+" in project "+d.api.project+".")
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not read the instance", err))
		return
	}
	m, diags := fromInstanceData(ctx, *in)
	resp.Diagnostics.Append(diags...)
	m.Connection, diags = fetchCACertificate(ctx, d.api, *in, m.Connection)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// fromInstanceData maps an instance for the data source: the resource's mapping, with
// collections always set and the security object without the password.
func fromInstanceData(ctx context.Context, in client.Instance) (instanceDataModel, diag.Diagnostics) {
	empty := types.MapValueMust(types.StringType, map[string]attr.Value{})
	r, diags := fromInstance(ctx, in, instanceModel{instanceView: instanceView{Tags: empty, BrokerConfig: empty}})

	var sec securityModel
	diags.Append(r.Security.As(ctx, &sec, basetypes.ObjectAsOptions{})...)
	security, d := types.ObjectValue(securityViewAttrTypes, map[string]attr.Value{
		"protocol":        sec.Protocol,
		"sasl_mechanisms": sec.SaslMechanisms,
		"admin_username":  sec.AdminUsername,
	})
	diags.Append(d...)

	m := instanceDataModel{instanceView: r.instanceView, StatusReason: nullableString(in.StatusReason)}
	m.Security = security
	return m, diags
}
