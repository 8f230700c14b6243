package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// userModel is the state of a tributary_user resource.
type userModel struct {
	ID         types.String `tfsdk:"id"`
	InstanceID types.String `tfsdk:"instance_id"`
	Name       types.String `tfsdk:"name"`
	Password   types.String `tfsdk:"password"`
	Mechanisms types.Set    `tfsdk:"mechanisms"`
	Admin      types.Bool   `tfsdk:"admin"`
}

// toKafkaUserCreate maps a planned tributary_user to the API's request. A password left
// out of the configuration is unknown in the plan: the API generates one.
func toKafkaUserCreate(m userModel) client.KafkaUserCreate {
	req := client.KafkaUserCreate{Name: m.Name.ValueString()}
	if known(m.Password) {
		req.SetPassword(m.Password.ValueString())
	}
	return req
}

// toPasswordReset is the password reset that takes the state's password to the plan's;
// nil when there is nothing to reset: the password did not change, or none is configured
// (after an import, or once removed from the configuration, the password stays as it is).
func toPasswordReset(plan, state userModel) *client.KafkaPasswordReset {
	if !known(plan.Password) || plan.Password.Equal(state.Password) {
		return nil
	}
	reset := client.NewKafkaPasswordReset()
	reset.SetPassword(plan.Password.ValueString())
	return reset
}

// fromKafkaUser fills m from the API's view of a user. prior is the plan or the prior
// state: the API never returns a password, so prior's is kept (null after an import).
func fromKafkaUser(ctx context.Context, instanceID string, u client.KafkaUser, prior userModel) (userModel, diag.Diagnostics) {
	m := prior
	m.ID = types.StringValue(userKind.id(instanceID, u.Name))
	m.InstanceID = types.StringValue(instanceID)
	m.Name = types.StringValue(u.Name)
	m.Admin = types.BoolValue(u.Admin)
	var diags diag.Diagnostics
	m.Mechanisms, diags = mechanismSet(ctx, u.Mechanisms)
	if m.Password.IsUnknown() {
		m.Password = types.StringNull()
	}
	return m, diags
}

// mechanismSet is a set of SASL mechanism names, sorted for stable logs.
func mechanismSet(ctx context.Context, mechs []client.SaslMechanism) (types.Set, diag.Diagnostics) {
	names := make([]string, 0, len(mechs))
	for _, mech := range mechs {
		names = append(names, string(mech))
	}
	sort.Strings(names)
	return types.SetValueFrom(ctx, types.StringType, names)
}
