package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// What lives in an instance (a topic, a SASL user, an ACL) shares its id form, its import,
// the schema of id and instance_id, and how it is read, deleted and found gone.

// childKind is a kind of thing of an instance. Its Terraform id is `<instance_id>/<key>`,
// also its import id; keyAttr is the attribute the key is stored in.
type childKind struct {
	name       string // in diagnostics: "Could not read the <name>"
	logName    string // in logs: "<logName> is gone"
	logKey     string // the log field of the key
	idNoun     string // in the error: "%q is not <idNoun>"
	keyForm    string // the expected form after `<instance_id>/`
	idHint     string // after the expected form: an example or where the key comes from
	keyAttr    string
	slashInKey bool // whether the key may contain a slash (split at the first one)
}

var (
	// Topic names cannot contain a slash.
	topicKind = childKind{name: "topic", logName: "topic", logKey: "topic", idNoun: "a topic id", keyForm: "<topic name>",
		idHint: "e.g. 6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c/orders", keyAttr: "name"}
	// User names cannot contain a slash.
	userKind = childKind{name: "user", logName: "SASL user", logKey: "user", idNoun: "a user id", keyForm: "<user name>",
		idHint: "e.g. 6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c/orders-app", keyAttr: "name"}
	// The API's id of an ACL (derived from its fields) is taken as it is, whatever it
	// contains: the instance id is a UUID, so the id is split at the first slash.
	aclKind = childKind{name: "ACL", logName: "ACL", logKey: "acl_id", idNoun: "an ACL id", keyForm: "<acl id>",
		idHint: "the acl id as GET .../instances/<instance_id>/acls lists it", keyAttr: "acl_id", slashInKey: true}
)

// id is the Terraform id of key in the instance.
func (k childKind) id(instanceID, key string) string { return instanceID + "/" + key }

// parse splits `<instance_id>/<key>`.
func (k childKind) parse(id string) (instanceID, key string, err error) {
	instanceID, key, ok := strings.Cut(id, "/")
	if !ok || strings.TrimSpace(instanceID) == "" || key == "" || (!k.slashInKey && strings.Contains(key, "/")) {
		return "", "", fmt.Errorf("%q is not %s: expected <instance_id>/%s, %s", id, k.idNoun, k.keyForm, k.idHint)
	}
	return instanceID, key, nil
}

// idAttribute is the schema of the Terraform id.
func (k childKind) idAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "`<instance_id>/<" + k.keyAttr + ">`; also the import id.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// instanceIDAttribute is the schema of instance_id.
func (k childKind) instanceIDAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Id of the instance (`tributary_instance.<name>.id`). Changing it replaces the " + k.name + ".",
		Required:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// importState sets id, instance_id and the key attribute from an import id; false when
// the id is not of the form.
func (k childKind) importState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) bool {
	instanceID, key, err := k.parse(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return false
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), k.id(instanceID, key))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("instance_id"), instanceID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(k.keyAttr), key)...)
	return true
}

// readChild reads the key of the instance for Read: nil when it is gone (it is removed
// from the state then) or could not be read (an error diagnostic).
func readChild[T any](ctx context.Context, api *apiContext, k childKind, instanceID, key string, resp *resource.ReadResponse,
	get func(context.Context) (*T, *http.Response, error)) *T {
	v, httpResp, err := get(ctx)
	if childGone(ctx, api, httpResp, err, instanceID) {
		tflog.Warn(ctx, k.logName+" is gone; removing it from state", map[string]any{"instance_id": instanceID, k.logKey: key})
		resp.State.RemoveResource(ctx)
		return nil
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiag("Could not read the "+k.name, err))
		return nil
	}
	return v
}

// deleteChild deletes something of the instance for Delete; false when it was gone
// already or could not be deleted (an error diagnostic).
func deleteChild(ctx context.Context, api *apiContext, k childKind, instanceID string, diags *diag.Diagnostics,
	del func(context.Context) (*http.Response, error)) bool {
	httpResp, err := del(ctx)
	switch {
	case childGone(ctx, api, httpResp, err, instanceID):
		return false
	case err != nil:
		diags.Append(apiErrorDiag("Could not delete the "+k.name, err))
		return false
	}
	return true
}

// childGone reports whether a call on something of an instance found it gone: 404, or
// the call failed because the instance itself is gone.
func childGone(ctx context.Context, api *apiContext, httpResp *http.Response, err error, instanceID string) bool {
	return isNotFound(httpResp, err) || (err != nil && instanceGone(ctx, api, httpResp, instanceID))
}

// instanceGone reports whether a call on something of an instance (a topic, a user, an
// ACL) failed because the instance no longer exists: the API answers 409 (not serving)
// for a deleted instance whose record is kept.
func instanceGone(ctx context.Context, api *apiContext, httpResp *http.Response, instanceID string) bool {
	if httpResp == nil || httpResp.StatusCode != http.StatusConflict {
		return false
	}
	in, instResp, err := api.api.InstancesAPI.GetInstance(ctx, api.project, instanceID).Execute()
	return isNotFound(instResp, err) || (err == nil && (in.Status == client.INSTANCESTATUS_DELETED ||
		in.Status == client.INSTANCESTATUS_DELETING))
}
