package provider

import (
	"context"
	"net/http"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

var (
	_ resource.Resource                = &aclResource{}
	_ resource.ResourceWithConfigure   = &aclResource{}
	_ resource.ResourceWithImportState = &aclResource{}
)

// NewACLResource is the tributary_acl resource.
func NewACLResource() resource.Resource {
	return &aclResource{}
}

type aclResource struct {
	resourceAPI
}

func (r *aclResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_acl"
}

func (r *aclResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaces := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	enum := func(md string, values []string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: md + " Changing it replaces the ACL.",
			Required:            true,
			Validators:          []validator.String{stringvalidator.OneOf(values...)},
			PlanModifiers:       replaces,
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One Kafka ACL of an instance: `permission` to do `operation` on a resource for a " +
			"principal (`User:<name>` of a `tributary_user`).\n\nACLs are immutable: changing any argument replaces " +
			"the ACL (the old one is deleted first). The API identifies an ACL by its fields and answers the " +
			"creation of an existing ACL with it, so declare each ACL once: two resources with the same fields " +
			"are the same ACL, and destroying one removes it for both.",
		Attributes: map[string]schema.Attribute{
			"id": aclKind.idAttribute(),
			"acl_id": schema.StringAttribute{
				MarkdownDescription: "The API's id of the ACL, derived from its fields (as `GET .../acls` lists it).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"instance_id": aclKind.instanceIDAttribute(),
			"resource_type": enum("Kind of resource: "+mdEnum(client.AllowedAclResourceTypeEnumValues)+".",
				enumStrings(client.AllowedAclResourceTypeEnumValues)),
			"resource_name": schema.StringAttribute{
				MarkdownDescription: "A topic, group or transactional id name, a prefix (with `pattern_type = \"PREFIXED\"`), " +
					"or `*` for all; `kafka-cluster` for `CLUSTER`. Changing it replaces the ACL.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 255)},
				PlanModifiers: replaces,
			},
			"pattern_type": schema.StringAttribute{
				MarkdownDescription: "How `resource_name` matches: " + mdEnum(client.AllowedAclPatternTypeEnumValues) +
					" (default `" + defaultACLPatternType + "`). Changing it replaces the ACL.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString(defaultACLPatternType),
				Validators:    []validator.String{stringvalidator.OneOf(enumStrings(client.AllowedAclPatternTypeEnumValues)...)},
				PlanModifiers: replaces,
			},
			"principal": schema.StringAttribute{
				MarkdownDescription: "Who the ACL is for: `User:<name>` (e.g. `\"User:${tributary_user.app.name}\"`), or " +
					"`User:*` for every user. Changing it replaces the ACL.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(6, 300),
					stringvalidator.RegexMatches(regexp.MustCompile(`^User:\S+$`), "use User:<name> or User:*"),
				},
				PlanModifiers: replaces,
			},
			"host": schema.StringAttribute{
				MarkdownDescription: "Client IP address the ACL applies to, or `*` for any (default `*`). Changing it replaces the ACL.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(defaultACLHost),
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
				PlanModifiers:       replaces,
			},
			"operation": enum("What is allowed or denied: "+mdEnum(client.AllowedAclOperationEnumValues)+".",
				enumStrings(client.AllowedAclOperationEnumValues)),
			"permission": enum("`ALLOW` or `DENY` (a DENY wins over an ALLOW).",
				enumStrings(client.AllowedAclPermissionEnumValues)),
		},
	}
}

func (r *aclResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan aclModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID := plan.InstanceID.ValueString()
	acl, _, err := r.api.api.AclsAPI.CreateAcl(ctx, r.api.project, instanceID).AclCreate(toAclCreate(plan)).Execute()
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not create the ACL", err))
		return
	}
	tflog.Info(ctx, "ACL created", map[string]any{"instance_id": instanceID, "acl_id": acl.Id})
	state := fromAcl(instanceID, *acl)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The brokers learn of a new ACL within moments; wait until the API lists it, so that
	// the next refresh does not take it for deleted.
	_, err = awaitVisible(ctx, "ACL "+acl.Id, r.getACL(instanceID, acl.Id))
	if err != nil {
		resp.Diagnostics.AddWarning("ACL creation not confirmed", err.Error())
	}
}

func (r *aclResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state aclModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID, id := state.InstanceID.ValueString(), state.ACLID.ValueString()
	acl := readChild(ctx, r.api, aclKind, instanceID, id, resp, r.getACL(instanceID, id))
	if acl == nil {
		return
	}
	newState := fromAcl(instanceID, *acl)
	resp.Diagnostics.Append(resp.State.Set(ctx, &newState)...)
}

// Update is never called with a change: every argument replaces the ACL.
func (r *aclResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan aclModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *aclResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state aclModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	instanceID, id := state.InstanceID.ValueString(), state.ACLID.ValueString()
	deleteChild(ctx, r.api, aclKind, instanceID, &resp.Diagnostics, func(ctx context.Context) (*http.Response, error) {
		return r.api.api.AclsAPI.DeleteAcl(ctx, r.api.project, instanceID, id).Execute()
	})
}

func (r *aclResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	aclKind.importState(ctx, req, resp)
}

// getACL reads an ACL of an instance.
func (r *aclResource) getACL(instanceID, id string) func(context.Context) (*client.Acl, *http.Response, error) {
	return func(ctx context.Context) (*client.Acl, *http.Response, error) {
		return r.api.api.AclsAPI.GetAcl(ctx, r.api.project, instanceID, id).Execute()
	}
}
