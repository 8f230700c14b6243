package provider

import (
	"context"
	"sort"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// instanceView holds the attributes the tributary_instance resource and data source both
// have.
type instanceView struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Description        types.String `tfsdk:"description"`
	Flavor             types.String `tfsdk:"flavor"`
	BrokerCount        types.Int64  `tfsdk:"broker_count"`
	AvailabilityZones  types.List   `tfsdk:"availability_zones"`
	StorageGB          types.Int64  `tfsdk:"storage_gb"`
	KafkaVersion       types.String `tfsdk:"kafka_version"`
	Security           types.Object `tfsdk:"security"`
	Network            types.Object `tfsdk:"network"`
	Retention          types.Object `tfsdk:"retention"`
	MaintenanceWindow  types.Object `tfsdk:"maintenance_window"`
	Billing            types.Object `tfsdk:"billing"`
	Tags               types.Map    `tfsdk:"tags"`
	BrokerConfig       types.Map    `tfsdk:"broker_config"`
	AutoCreateTopics   types.Bool   `tfsdk:"auto_create_topics"`
	DeletionProtection types.Bool   `tfsdk:"deletion_protection"`
	Status             types.String `tfsdk:"status"`
	BootstrapServers   types.String `tfsdk:"bootstrap_servers"`
	Connection         types.Object `tfsdk:"connection_info"`
	CreatedAt          types.String `tfsdk:"created_at"`
}

// instanceModel is the state of a tributary_instance resource. The tributary_instance
// data source (instanceDataModel) has the same view with status_reason, without
// timeouts, and with a security object without admin_password.
type instanceModel struct {
	instanceView
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// Nested objects, as Go structs for As/ObjectValueFrom.
type securityModel struct {
	Protocol       types.String `tfsdk:"protocol"`
	SaslMechanisms types.Set    `tfsdk:"sasl_mechanisms"`
	AdminUsername  types.String `tfsdk:"admin_username"`
	AdminPassword  types.String `tfsdk:"admin_password"`
}

type networkModel struct {
	AllowedCidrs types.Set `tfsdk:"allowed_cidrs"`
}

type retentionModel struct {
	DefaultHours   types.Int64  `tfsdk:"default_hours"`
	CapacityPolicy types.String `tfsdk:"capacity_policy"`
}

type maintenanceWindowModel struct {
	DayOfWeek     types.String `tfsdk:"day_of_week"`
	StartHour     types.Int64  `tfsdk:"start_hour"`
	DurationHours types.Int64  `tfsdk:"duration_hours"`
}

type billingModel struct {
	Mode         types.String `tfsdk:"mode"`
	PeriodMonths types.Int64  `tfsdk:"period_months"`
	AutoRenew    types.Bool   `tfsdk:"auto_renew"`
}

type connectionModel struct {
	BootstrapServers types.String `tfsdk:"bootstrap_servers"`
	SecurityProtocol types.String `tfsdk:"security_protocol"`
	SaslMechanisms   types.Set    `tfsdk:"sasl_mechanisms"`
	TLSEnabled       types.Bool   `tfsdk:"tls_enabled"`
	ClientProperties types.String `tfsdk:"client_properties"`
	CACertificate    types.String `tfsdk:"ca_certificate"`
}

var (
	securityAttrTypes = map[string]attr.Type{
		"protocol":        types.StringType,
		"sasl_mechanisms": types.SetType{ElemType: types.StringType},
		"admin_username":  types.StringType,
		"admin_password":  types.StringType,
	}
	networkAttrTypes = map[string]attr.Type{
		"allowed_cidrs": types.SetType{ElemType: types.StringType},
	}
	retentionAttrTypes = map[string]attr.Type{
		"default_hours":   types.Int64Type,
		"capacity_policy": types.StringType,
	}
	maintenanceWindowAttrTypes = map[string]attr.Type{
		"day_of_week":    types.StringType,
		"start_hour":     types.Int64Type,
		"duration_hours": types.Int64Type,
	}
	billingAttrTypes = map[string]attr.Type{
		"mode":          types.StringType,
		"period_months": types.Int64Type,
		"auto_renew":    types.BoolType,
	}
	connectionAttrTypes = map[string]attr.Type{
		"bootstrap_servers": types.StringType,
		"security_protocol": types.StringType,
		"sasl_mechanisms":   types.SetType{ElemType: types.StringType},
		"tls_enabled":       types.BoolType,
		"client_properties": types.StringType,
		"ca_certificate":    types.StringType,
	}
)

// ---------------------------------------------------------------------------------------
// Terraform -> API
// ---------------------------------------------------------------------------------------

// known reports whether a value was given: neither null nor unknown. Optional+computed
// attributes the configuration leaves out are unknown in a plan; they are not sent.
func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// toInstanceCreate maps a planned tributary_instance to the API's order.
func toInstanceCreate(ctx context.Context, m instanceModel) (client.InstanceCreate, diag.Diagnostics) {
	var diags diag.Diagnostics

	var zones []string
	diags.Append(m.AvailabilityZones.ElementsAs(ctx, &zones, false)...)

	order := *client.NewInstanceCreate(m.Name.ValueString(), m.Flavor.ValueString(),
		int32(m.BrokerCount.ValueInt64()), zones, int32(m.StorageGB.ValueInt64()))
	if known(m.Description) {
		order.SetDescription(m.Description.ValueString())
	}
	if known(m.KafkaVersion) {
		order.SetKafkaVersion(m.KafkaVersion.ValueString())
	}

	if known(m.Security) {
		var s securityModel
		diags.Append(m.Security.As(ctx, &s, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
		spec := client.NewSecuritySpec(client.SecurityProtocol(s.Protocol.ValueString()))
		if known(s.SaslMechanisms) {
			var mechs []string
			diags.Append(s.SaslMechanisms.ElementsAs(ctx, &mechs, false)...)
			spec.SaslMechanisms = make([]client.SaslMechanism, 0, len(mechs))
			for _, mech := range mechs {
				spec.SaslMechanisms = append(spec.SaslMechanisms, client.SaslMechanism(mech))
			}
		}
		if known(s.AdminUsername) {
			spec.SetAdminUsername(s.AdminUsername.ValueString())
		}
		if known(s.AdminPassword) {
			spec.SetAdminPassword(s.AdminPassword.ValueString())
		}
		order.SetSecurity(*spec)
	}

	if known(m.Network) {
		var n networkModel
		diags.Append(m.Network.As(ctx, &n, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
		spec := client.NewNetworkSpec()
		if known(n.AllowedCidrs) {
			var cidrs []string
			diags.Append(n.AllowedCidrs.ElementsAs(ctx, &cidrs, false)...)
			spec.AllowedCidrs = cidrs
		}
		order.SetNetwork(*spec)
	}

	if known(m.Retention) {
		var r retentionModel
		diags.Append(m.Retention.As(ctx, &r, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
		spec := client.RetentionSpec{}
		if known(r.DefaultHours) {
			spec.SetDefaultHours(int32(r.DefaultHours.ValueInt64()))
		}
		if known(r.CapacityPolicy) {
			spec.SetCapacityPolicy(client.CapacityPolicy(r.CapacityPolicy.ValueString()))
		}
		order.SetRetention(spec)
	}

	if known(m.MaintenanceWindow) {
		spec, d := toMaintenanceWindow(ctx, m.MaintenanceWindow)
		diags.Append(d...)
		order.SetMaintenanceWindow(spec)
	}

	if known(m.Billing) {
		var b billingModel
		diags.Append(m.Billing.As(ctx, &b, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true})...)
		spec := client.BillingSpec{Mode: client.BillingMode(b.Mode.ValueString())}
		if known(b.PeriodMonths) {
			spec.SetPeriodMonths(int32(b.PeriodMonths.ValueInt64()))
		}
		if known(b.AutoRenew) {
			spec.SetAutoRenew(b.AutoRenew.ValueBool())
		}
		order.SetBilling(spec)
	}

	if known(m.Tags) {
		tags, d := toStringMap(ctx, m.Tags)
		diags.Append(d...)
		order.SetTags(tags)
	}
	if known(m.BrokerConfig) {
		cfg, d := toStringMap(ctx, m.BrokerConfig)
		diags.Append(d...)
		order.SetBrokerConfig(cfg)
	}
	if known(m.AutoCreateTopics) {
		order.SetAutoCreateTopics(m.AutoCreateTopics.ValueBool())
	} else {
		order.AutoCreateTopics = nil // NewInstanceCreate fills in the spec's default; the API applies its own
	}
	if known(m.DeletionProtection) {
		order.SetDeletionProtection(m.DeletionProtection.ValueBool())
	} else {
		order.DeletionProtection = nil
	}
	return order, diags
}

// toInstanceUpdate builds the PATCH for the attributes the API changes in place from the
// plan and the prior state; nil when nothing changes. A removed description is sent as "",
// removed tags and broker settings as {}, since absent fields are left as they are.
// Retention and maintenance-window attributes removed from the configuration keep their
// state value in the plan (UseStateForUnknown), so they are sent unchanged.
func toInstanceUpdate(ctx context.Context, plan, state instanceModel) (*client.InstanceUpdate, diag.Diagnostics) {
	var diags, d diag.Diagnostics
	// Not client.NewInstanceUpdate: it presets the spec's default rebalance = true, which would
	// go out in every PATCH (and make an upgrade-only PATCH look like it had more to send).
	upd := &client.InstanceUpdate{}
	changed := false
	if !plan.Name.Equal(state.Name) {
		upd.SetName(plan.Name.ValueString())
		changed = true
	}
	if !plan.Description.Equal(state.Description) {
		upd.SetDescription(plan.Description.ValueString())
		changed = true
	}
	if !plan.Tags.Equal(state.Tags) {
		tags := map[string]string{}
		if known(plan.Tags) {
			tags, d = toStringMap(ctx, plan.Tags)
			diags.Append(d...)
		}
		upd.SetTags(tags)
		changed = true
	}
	if known(plan.Retention) && !plan.Retention.Equal(state.Retention) {
		var r retentionModel
		diags.Append(plan.Retention.As(ctx, &r, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true, UnhandledNullAsEmpty: true})...)
		spec := client.RetentionSpec{}
		if known(r.DefaultHours) {
			spec.SetDefaultHours(int32(r.DefaultHours.ValueInt64()))
		}
		if known(r.CapacityPolicy) {
			spec.SetCapacityPolicy(client.CapacityPolicy(r.CapacityPolicy.ValueString()))
		}
		if spec.DefaultHours != nil || spec.CapacityPolicy != nil {
			upd.SetRetention(spec)
			changed = true
		}
	}
	if known(plan.KafkaVersion) && !plan.KafkaVersion.Equal(state.KafkaVersion) {
		upd.SetKafkaVersion(plan.KafkaVersion.ValueString())
		changed = true
	}
	if known(plan.Flavor) && !plan.Flavor.Equal(state.Flavor) {
		upd.SetFlavor(plan.Flavor.ValueString())
		changed = true
	}
	if known(plan.BrokerCount) && !plan.BrokerCount.Equal(state.BrokerCount) {
		upd.SetBrokerCount(int32(plan.BrokerCount.ValueInt64()))
		changed = true
	}
	if known(plan.StorageGB) && !plan.StorageGB.Equal(state.StorageGB) {
		upd.SetStorageGb(int32(plan.StorageGB.ValueInt64()))
		changed = true
	}
	if !plan.BrokerConfig.IsUnknown() && !plan.BrokerConfig.Equal(state.BrokerConfig) {
		cfg := map[string]string{}
		if known(plan.BrokerConfig) {
			cfg, d = toStringMap(ctx, plan.BrokerConfig)
			diags.Append(d...)
		}
		upd.SetBrokerConfig(cfg)
		changed = true
	}
	if known(plan.MaintenanceWindow) && !plan.MaintenanceWindow.Equal(state.MaintenanceWindow) {
		spec, d := toMaintenanceWindow(ctx, plan.MaintenanceWindow)
		diags.Append(d...)
		upd.SetMaintenanceWindow(spec)
		changed = true
	}
	if known(plan.DeletionProtection) && !plan.DeletionProtection.Equal(state.DeletionProtection) {
		upd.SetDeletionProtection(plan.DeletionProtection.ValueBool())
		changed = true
	}
	if !changed {
		return nil, diags
	}
	return upd, diags
}

// toMaintenanceWindow maps a known maintenance_window object to the API's window; a left-out
// duration is left to the API's default.
func toMaintenanceWindow(ctx context.Context, v types.Object) (client.MaintenanceWindow, diag.Diagnostics) {
	var w maintenanceWindowModel
	diags := v.As(ctx, &w, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true, UnhandledNullAsEmpty: true})
	spec := client.MaintenanceWindow{
		DayOfWeek: client.DayOfWeek(w.DayOfWeek.ValueString()),
		StartHour: int32(w.StartHour.ValueInt64()),
	}
	if known(w.DurationHours) {
		spec.SetDurationHours(int32(w.DurationHours.ValueInt64()))
	}
	return spec, diags
}

func toStringMap(ctx context.Context, v types.Map) (map[string]string, diag.Diagnostics) {
	out := map[string]string{}
	diags := v.ElementsAs(ctx, &out, false)
	return out, diags
}

// toNetworkRules is the allow-list to PUT when the planned `network.allowed_cidrs`
// differs from the state's; nil when it does not change (or is not known).
func toNetworkRules(ctx context.Context, plan, state instanceModel) (*client.NetworkSpec, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !known(plan.Network) {
		return nil, diags
	}
	opts := basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true, UnhandledNullAsEmpty: true}
	var planned, prior networkModel
	diags.Append(plan.Network.As(ctx, &planned, opts)...)
	if known(state.Network) {
		diags.Append(state.Network.As(ctx, &prior, opts)...)
	}
	if diags.HasError() || !known(planned.AllowedCidrs) || planned.AllowedCidrs.Equal(prior.AllowedCidrs) {
		return nil, diags
	}
	cidrs := []string{}
	diags.Append(planned.AllowedCidrs.ElementsAs(ctx, &cidrs, false)...)
	sort.Strings(cidrs)
	spec := client.NewNetworkSpec()
	spec.AllowedCidrs = cidrs
	return spec, diags
}

// ---------------------------------------------------------------------------------------
// API -> Terraform
// ---------------------------------------------------------------------------------------

// fromInstance fills m from the API's view of an instance. prior is the plan or the
// prior state (zero value on import): it supplies what the API never returns
// (admin_password) and decides between null and empty for optional collections, so a
// configuration that leaves tags out does not see a diff against the API's `{}`.
func fromInstance(ctx context.Context, in client.Instance, prior instanceModel) (instanceModel, diag.Diagnostics) {
	var diags, d diag.Diagnostics
	m := prior

	m.ID = types.StringValue(in.Id)
	m.Name = types.StringValue(in.Name)
	m.Description = nullableString(in.Description)
	if m.Description.IsNull() && known(prior.Description) && prior.Description.ValueString() == "" {
		m.Description = prior.Description
	}
	m.Flavor = types.StringValue(in.Flavor)
	m.BrokerCount = types.Int64Value(int64(in.BrokerCount))
	m.AvailabilityZones, d = types.ListValueFrom(ctx, types.StringType, nonNilStrings(in.AvailabilityZones))
	diags.Append(d...)
	m.StorageGB = types.Int64Value(int64(in.StorageGb))
	m.KafkaVersion = types.StringValue(in.KafkaVersion)

	password := types.StringNull()
	if known(prior.Security) {
		var s securityModel
		diags.Append(prior.Security.As(ctx, &s, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true, UnhandledNullAsEmpty: true})...)
		if known(s.AdminPassword) {
			password = s.AdminPassword
		}
	}
	m.Security, d = securityObject(ctx, in.Security, password)
	diags.Append(d...)
	m.Network, d = networkObject(ctx, in.Network)
	diags.Append(d...)
	m.Retention, d = retentionObject(in.Retention)
	diags.Append(d...)
	m.MaintenanceWindow, d = maintenanceWindowObject(in.MaintenanceWindow)
	diags.Append(d...)
	m.Billing, d = billingObject(in.Billing)
	diags.Append(d...)

	m.Tags, d = stringMap(ctx, in.Tags, prior.Tags)
	diags.Append(d...)
	m.BrokerConfig, d = stringMap(ctx, in.BrokerConfig, prior.BrokerConfig)
	diags.Append(d...)
	m.AutoCreateTopics = types.BoolValue(in.AutoCreateTopics)
	m.DeletionProtection = types.BoolValue(in.DeletionProtection)

	m.Status = types.StringValue(string(in.Status))
	m.BootstrapServers = nullableString(in.BootstrapServers)
	m.Connection, d = connectionObject(ctx, in.Connection.Get(), priorCACertificate(ctx, prior.Connection))
	diags.Append(d...)
	m.CreatedAt = types.StringValue(in.CreatedAt.UTC().Format(time.RFC3339))
	return m, diags
}

// connectionObject maps the API's connection info; null while the instance has none
// (before RUNNING). The CA certificate is not part of it (a call of its own): caPEM is
// kept when the connection uses TLS, and null otherwise.
func connectionObject(ctx context.Context, c *client.ConnectionInfo, caPEM types.String) (types.Object, diag.Diagnostics) {
	if c == nil {
		return types.ObjectNull(connectionAttrTypes), nil
	}
	mechs, diags := mechanismSet(ctx, c.SaslMechanisms)
	if !c.GetTlsEnabled() || !known(caPEM) {
		caPEM = types.StringNull()
	}
	obj, d := types.ObjectValue(connectionAttrTypes, map[string]attr.Value{
		"bootstrap_servers": types.StringValue(c.BootstrapServers),
		"security_protocol": types.StringValue(string(c.SecurityProtocol)),
		"sasl_mechanisms":   mechs,
		"tls_enabled":       types.BoolValue(c.GetTlsEnabled()),
		"client_properties": types.StringValue(c.ClientProperties),
		"ca_certificate":    caPEM,
	})
	diags.Append(d...)
	return obj, diags
}

// priorCACertificate is connection_info.ca_certificate of a plan or state; null when there is
// none.
func priorCACertificate(ctx context.Context, conn types.Object) types.String {
	if !known(conn) {
		return types.StringNull()
	}
	var c connectionModel
	if d := conn.As(ctx, &c, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true, UnhandledNullAsEmpty: true}); d.HasError() {
		return types.StringNull()
	}
	return c.CACertificate
}

// connectionNeedsCA reports whether the instance's clients need its CA certificate (TLS).
func connectionNeedsCA(in client.Instance) bool {
	c := in.Connection.Get()
	return c != nil && c.GetTlsEnabled()
}

// withCACertificate returns conn with ca_certificate set to pem.
func withCACertificate(conn types.Object, pem string) (types.Object, diag.Diagnostics) {
	if !known(conn) {
		return conn, nil
	}
	attrs := conn.Attributes()
	attrs["ca_certificate"] = types.StringValue(pem)
	return types.ObjectValue(connectionAttrTypes, attrs)
}

func securityObject(ctx context.Context, v client.SecurityView, password types.String) (types.Object, diag.Diagnostics) {
	mechs := make([]string, 0, len(v.SaslMechanisms))
	for _, mech := range v.SaslMechanisms {
		mechs = append(mechs, string(mech))
	}
	set, diags := types.SetValueFrom(ctx, types.StringType, mechs)
	obj, d := types.ObjectValue(securityAttrTypes, map[string]attr.Value{
		"protocol":        types.StringValue(string(v.Protocol)),
		"sasl_mechanisms": set,
		"admin_username":  nullableString(v.AdminUsername),
		"admin_password":  password,
	})
	diags.Append(d...)
	return obj, diags
}

func networkObject(ctx context.Context, v client.NetworkSpec) (types.Object, diag.Diagnostics) {
	set, diags := types.SetValueFrom(ctx, types.StringType, nonNilStrings(v.AllowedCidrs))
	obj, d := types.ObjectValue(networkAttrTypes, map[string]attr.Value{"allowed_cidrs": set})
	diags.Append(d...)
	return obj, diags
}

func retentionObject(v client.RetentionSpec) (types.Object, diag.Diagnostics) {
	policy := types.StringNull()
	if v.CapacityPolicy != nil {
		policy = types.StringValue(string(*v.CapacityPolicy))
	}
	return types.ObjectValue(retentionAttrTypes, map[string]attr.Value{
		"default_hours":   int32Ptr(v.DefaultHours),
		"capacity_policy": policy,
	})
}

func maintenanceWindowObject(v *client.MaintenanceWindow) (types.Object, diag.Diagnostics) {
	if v == nil {
		return types.ObjectNull(maintenanceWindowAttrTypes), nil
	}
	return types.ObjectValue(maintenanceWindowAttrTypes, map[string]attr.Value{
		"day_of_week":    types.StringValue(string(v.DayOfWeek)),
		"start_hour":     types.Int64Value(int64(v.StartHour)),
		"duration_hours": int32Ptr(v.DurationHours),
	})
}

func billingObject(v client.BillingSpec) (types.Object, diag.Diagnostics) {
	autoRenew := types.BoolNull()
	if v.AutoRenew != nil {
		autoRenew = types.BoolValue(*v.AutoRenew)
	}
	return types.ObjectValue(billingAttrTypes, map[string]attr.Value{
		"mode":          types.StringValue(string(v.Mode)),
		"period_months": int32Ptr(v.PeriodMonths),
		"auto_renew":    autoRenew,
	})
}

// stringMap maps an API map; an empty one stays null when the prior value was null.
func stringMap(ctx context.Context, v map[string]string, prior types.Map) (types.Map, diag.Diagnostics) {
	if len(v) == 0 && !known(prior) {
		return types.MapNull(types.StringType), nil
	}
	if v == nil {
		v = map[string]string{}
	}
	return types.MapValueFrom(ctx, types.StringType, v)
}

func nullableString(v client.NullableString) types.String {
	if !v.IsSet() || v.Get() == nil {
		return types.StringNull()
	}
	return types.StringValue(*v.Get())
}

func int32Ptr(v *int32) types.Int64 {
	if v == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*v))
}

func nonNilStrings(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}
