package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// Defaults of AclCreate in the API, which the schema applies so that the plan shows them.
const (
	defaultACLPatternType = string(client.ACLPATTERNTYPE_LITERAL)
	defaultACLHost        = "*"
)

// aclModel is the state of a tributary_acl resource.
type aclModel struct {
	ID           types.String `tfsdk:"id"`
	ACLID        types.String `tfsdk:"acl_id"`
	InstanceID   types.String `tfsdk:"instance_id"`
	ResourceType types.String `tfsdk:"resource_type"`
	ResourceName types.String `tfsdk:"resource_name"`
	PatternType  types.String `tfsdk:"pattern_type"`
	Principal    types.String `tfsdk:"principal"`
	Host         types.String `tfsdk:"host"`
	Operation    types.String `tfsdk:"operation"`
	Permission   types.String `tfsdk:"permission"`
}

// toAclCreate maps a planned tributary_acl to the API's request. pattern_type and host
// have schema defaults, so they are always known.
func toAclCreate(m aclModel) client.AclCreate {
	req := client.AclCreate{
		ResourceType: client.AclResourceType(m.ResourceType.ValueString()),
		ResourceName: m.ResourceName.ValueString(),
		Principal:    m.Principal.ValueString(),
		Operation:    client.AclOperation(m.Operation.ValueString()),
		Permission:   client.AclPermission(m.Permission.ValueString()),
	}
	patternType := defaultACLPatternType
	if known(m.PatternType) {
		patternType = m.PatternType.ValueString()
	}
	req.SetPatternType(client.AclPatternType(patternType))
	host := defaultACLHost
	if known(m.Host) {
		host = m.Host.ValueString()
	}
	req.SetHost(host)
	return req
}

// fromAcl is the state of an ACL as the API shows it.
func fromAcl(instanceID string, a client.Acl) aclModel {
	return aclModel{
		ID:           types.StringValue(aclKind.id(instanceID, a.Id)),
		ACLID:        types.StringValue(a.Id),
		InstanceID:   types.StringValue(instanceID),
		ResourceType: types.StringValue(string(a.ResourceType)),
		ResourceName: types.StringValue(a.ResourceName),
		PatternType:  types.StringValue(string(a.PatternType)),
		Principal:    types.StringValue(a.Principal),
		Host:         types.StringValue(a.Host),
		Operation:    types.StringValue(string(a.Operation)),
		Permission:   types.StringValue(string(a.Permission)),
	}
}
