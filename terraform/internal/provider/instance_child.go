package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// What lives in an instance (a topic, a SASL user, an ACL) shares its id form, its import
// and how it is found gone.

// childIDForm is the Terraform id of something of an instance: `<instance_id>/<key>`,
// also its import id. key is the attribute the part after the slash is stored in.
type childIDForm struct {
	noun       string // in the error: "%q is not <noun>"
	key        string // the expected form after `<instance_id>/`
	hint       string // after the expected form: an example or where the key comes from
	keyAttr    string
	slashInKey bool // whether the key may contain a slash (split at the first one)
}

var (
	// Topic names cannot contain a slash.
	topicIDs = childIDForm{noun: "a topic id", key: "<topic name>",
		hint: "e.g. 6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c/orders", keyAttr: "name"}
	// User names cannot contain a slash.
	userIDs = childIDForm{noun: "a user id", key: "<user name>",
		hint: "e.g. 6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c/orders-app", keyAttr: "name"}
	// The API's id of an ACL (derived from its fields) is taken as it is, whatever it
	// contains: the instance id is a UUID, so the id is split at the first slash.
	aclIDs = childIDForm{noun: "an ACL id", key: "<acl id>",
		hint: "the acl id as GET .../instances/<instance_id>/acls lists it", keyAttr: "acl_id", slashInKey: true}
)

// id is the Terraform id of key in the instance.
func (f childIDForm) id(instanceID, key string) string { return instanceID + "/" + key }

// parse splits `<instance_id>/<key>`.
func (f childIDForm) parse(id string) (instanceID, key string, err error) {
	instanceID, key, ok := strings.Cut(id, "/")
	if !ok || strings.TrimSpace(instanceID) == "" || key == "" || (!f.slashInKey && strings.Contains(key, "/")) {
		return "", "", fmt.Errorf("%q is not %s: expected <instance_id>/%s, %s", id, f.noun, f.key, f.hint)
	}
	return instanceID, key, nil
}

// importState sets id, instance_id and the key attribute from an import id; false when
// the id is not of the form.
func (f childIDForm) importState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) bool {
	instanceID, key, err := f.parse(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return false
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), f.id(instanceID, key))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("instance_id"), instanceID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(f.keyAttr), key)...)
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
